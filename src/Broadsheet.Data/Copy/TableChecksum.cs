using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Data.Copy;

/// <summary>
/// A checksum of a table's rows that two providers agree on when the rows say the same: each value as the model writes
/// it (through its converter), times as instants to the microsecond (PostgreSQL keeps UTC to the microsecond, SQLite the
/// offset given to the tick: a time's last tenth of a microsecond is lost on the way, and not counted), in invariant text.
/// Each row is hashed (SHA-256, every column by name) and the row hashes added up, four 64-bit lanes each modulo 2^64, so
/// the order the database returns them in does not count and a table of any size takes the same few bytes: a row
/// missing, added twice or with any column changed changes the sum.
/// </summary>
internal sealed class TableChecksum
{
    private readonly StringBuilder _text = new();
    private readonly ulong[] _sum = new ulong[4];
    private long _rows;

    /// <summary>Adds one row: <paramref name="values"/> are the properties' values in <paramref name="columns"/>' order.</summary>
    public void Add(IReadOnlyList<MappedColumn> columns, object?[] values)
    {
        _text.Clear();
        for (var i = 0; i < columns.Count; i++)
        {
            var property = columns[i].Property;
            var value = values[i];
            var stored = value is null ? null : property.GetValueConverter() is { } converter ? converter.ConvertToProvider(value) : value;
            _text.Append(property.Name).Append('=').Append(Canonical(stored)).Append('\u001f');
        }

        var length = Encoding.UTF8.GetMaxByteCount(_text.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(_text.ToString(), buffer);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, bytes), hash);
            for (var lane = 0; lane < 4; lane++)
            {
                _sum[lane] = unchecked(_sum[lane] + BinaryPrimitives.ReadUInt64LittleEndian(hash[(lane * 8)..]));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _rows++;
    }

    public string Finish()
    {
        Span<byte> total = stackalloc byte[40];
        BinaryPrimitives.WriteInt64LittleEndian(total, _rows);
        for (var lane = 0; lane < 4; lane++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(total[(8 + (lane * 8))..], _sum[lane]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(total));
    }

    private static string Canonical(object? value) => value switch
    {
        null => "\u0000",
        DateTimeOffset time => (time.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        DateTime time => (time.Ticks / 10).ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
