using System.Globalization;
using System.Text;
using CsCheck;

namespace Broadsheet.Ingest.Tests.Fuzzing;

/// <summary>
/// The budget and generators the fuzzing properties share. In CI each property runs a fixed number of cases (a few
/// seconds each); <c>CsCheck_Time=600 dotnet test tests/Broadsheet.Ingest.Tests --filter FullyQualifiedName~Fuzzing</c>
/// runs each for ten minutes instead, and <c>CsCheck_Seed=…</c> replays the case a failure prints.
/// </summary>
internal static class Fuzz
{
    /// <summary>Seconds per property from <c>CsCheck_Time</c>, or -1 to run the property's own count of cases.</summary>
    public static int Seconds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Time"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : -1;

    /// <summary>
    /// 32-bit values a fuzzer should try more often than chance would: 0, small, and either side of the
    /// signed and unsigned limits, where lengths and offsets overflow.
    /// </summary>
    public static readonly Gen<uint> Boundary = Gen.Frequency(
        (3, Gen.UInt),
        (2, Gen.UInt[0, 64]),
        (1, Gen.UInt[int.MaxValue - 64, (uint)int.MaxValue + 64]),
        (1, Gen.UInt[uint.MaxValue - 64, uint.MaxValue]));

    /// <summary>Characters that trip up names and text: ASCII, separators, CJK, full-width, controls, bidi overrides, surrogates.</summary>
    public static readonly Gen<char> NameChar = Gen.Frequency(
        (6, Gen.Char["0123456789"]),
        (4, Gen.Char['A', 'Z']),
        (3, Gen.Char['a', 'z']),
        (3, Gen.Char["-_ .　,;'\"()[]{}~!@#$%^&+="]),
        (2, Gen.Char["头版要闻平安贵阳滨江日报０１２Ａ"]),
        (1, Gen.Char["\u202E\u200B\uFEFF\t\r\n\u001B\u00A0\uD800\uDFFF"]),
        (1, Gen.Char));

    public static Gen<string> Text(int max) => NameChar.Array[0, max].Select(chars => new string(chars));

    /// <summary>
    /// A copy of <paramref name="seed"/> with a few random edits: bytes overwritten (often by boundary values),
    /// inserted, deleted, or the tail cut off. Structure stays mostly intact, so the parser gets past its first check.
    /// </summary>
    public static Gen<byte[]> Mutations(byte[] seed) =>
        Gen.Select(Gen.Int[1, 6], Gen.Int[0, int.MaxValue].Array[24], Gen.Byte.Array[24], Boundary.Array[24], (edits, positions, bytes, values) =>
        {
            var data = new List<byte>(seed);
            for (var i = 0; i < edits && data.Count > 0; i++)
            {
                var at = positions[i] % data.Count;
                switch (positions[i + 6] % 5)
                {
                    case 0:
                        data[at] = bytes[i];
                        break;
                    case 1:
                        var value = BitConverter.GetBytes(values[i]);
                        for (var k = 0; k < 4 && at + k < data.Count; k++)
                        {
                            data[at + k] = positions[i + 12] % 2 == 0 ? value[k] : value[3 - k];
                        }

                        break;
                    case 2:
                        data.Insert(at, bytes[i]);
                        break;
                    case 3:
                        data.RemoveRange(at, Math.Min(1 + (positions[i + 18] % 16), data.Count - at));
                        break;
                    default:
                        data.RemoveRange(at, data.Count - at);
                        break;
                }
            }

            return data.ToArray();
        });

    /// <summary>The contract of every reader of untrusted input: a message of one line that starts with the file's name.</summary>
    public static void AssertOneLineNaming(string name, ImportException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (!ex.Message.StartsWith(name, StringComparison.Ordinal) || ex.Message.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new InvalidOperationException($"the message does not name {name} in one line: {ex.Message}", ex);
        }
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
