using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Broadsheet.Data.Copy;

/// <summary>
/// A checksum of a table's rows that two providers agree on when the rows say the same: each value as the model writes
/// it (through its converter), times as instants to the microsecond (PostgreSQL keeps UTC to the microsecond, SQLite the
/// offset given to the tick: a time's last tenth of a microsecond is lost on the way, and not counted), in invariant text.
/// Rows are hashed one by one and the row hashes sorted, so the order the database returns them in does not count.
/// </summary>
internal sealed class TableChecksum
{
    private readonly List<string> _rows = [];

    public void Add(IEnumerable<(IProperty Property, object? Value)> values)
    {
        var text = new StringBuilder();
        foreach (var (property, value) in values.OrderBy(v => v.Property.Name, StringComparer.Ordinal))
        {
            var stored = value is null ? null : property.GetValueConverter() is { } converter ? converter.ConvertToProvider(value) : value;
            text.Append(property.Name).Append('=').Append(Canonical(stored)).Append('\u001f');
        }

        _rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    public string Finish()
    {
        _rows.Sort(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', _rows))));
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
