namespace Broadsheet.Ingest.Packages;

/// <summary>
/// One content stream skimmed without building anything: how many bytes of strings it shows (an upper bound of
/// its glyphs, one or two bytes each) and which XObjects it draws (<c>/Name Do</c>), in order, repeats included.
/// The text reader's cost grows with both, and a form drawn many times costs many times.
/// </summary>
internal sealed class ContentScan
{
    private ContentScan(long textBytes, List<string> drawn)
    {
        TextBytes = textBytes;
        Drawn = drawn;
    }

    /// <summary>Bytes inside string operands: literal strings as written, hex strings at two digits a byte.</summary>
    public long TextBytes { get; }

    /// <summary>The name before each <c>Do</c>, as the resource dictionary spells it (<c>#xx</c> escapes decoded).</summary>
    public IReadOnlyList<string> Drawn { get; }

    public static ContentScan Of(ReadOnlySpan<byte> content)
    {
        long text = 0;
        var drawn = new List<string>();
        string? lastName = null;
        var i = 0;
        while (i < content.Length)
        {
            var b = content[i];
            if (IsWhite(b))
            {
                i++;
            }
            else if (b == (byte)'%')
            {
                while (i < content.Length && content[i] is not ((byte)'\n' or (byte)'\r'))
                {
                    i++;
                }
            }
            else if (b == (byte)'(')
            {
                text += SkipLiteral(content, ref i);
                lastName = null;
            }
            else if (b == (byte)'<' && i + 1 < content.Length && content[i + 1] == (byte)'<')
            {
                i += 2;
            }
            else if (b == (byte)'<')
            {
                text += SkipHex(content, ref i);
                lastName = null;
            }
            else if (b is (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)')')
            {
                i++;
            }
            else if (b == (byte)'/')
            {
                lastName = ReadName(content, ref i);
            }
            else
            {
                var start = i;
                while (i < content.Length && !IsWhite(content[i]) && !IsDelimiter(content[i]))
                {
                    i++;
                }

                var token = content[start..i];
                if (token.SequenceEqual("Do"u8) && lastName is not null)
                {
                    drawn.Add(lastName);
                }
                else if (token.SequenceEqual("BI"u8))
                {
                    SkipInlineImage(content, ref i);
                }

                lastName = null;
            }
        }

        return new ContentScan(text, drawn);
    }

    private static long SkipLiteral(ReadOnlySpan<byte> content, ref int i)
    {
        long count = 0;
        var depth = 0;
        for (; i < content.Length; i++)
        {
            var b = content[i];
            if (b == (byte)'\\')
            {
                i++;
            }
            else if (b == (byte)'(')
            {
                depth++;
                if (depth == 1)
                {
                    continue;
                }
            }
            else if (b == (byte)')' && --depth == 0)
            {
                i++;
                return count;
            }

            count++;
        }

        return count;
    }

    private static long SkipHex(ReadOnlySpan<byte> content, ref int i)
    {
        long digits = 0;
        for (i++; i < content.Length && content[i] != (byte)'>'; i++)
        {
            if (!IsWhite(content[i]))
            {
                digits++;
            }
        }

        i++;
        return (digits + 1) / 2;
    }

    private static string ReadName(ReadOnlySpan<byte> content, ref int i)
    {
        var name = new System.Text.StringBuilder();
        for (i++; i < content.Length && !IsWhite(content[i]) && !IsDelimiter(content[i]); i++)
        {
            if (content[i] == (byte)'#' && i + 2 < content.Length && IsHex(content[i + 1]) && IsHex(content[i + 2]))
            {
                name.Append((char)Convert.ToByte(System.Text.Encoding.ASCII.GetString(content.Slice(i + 1, 2)), 16));
                i += 2;
            }
            else
            {
                name.Append((char)content[i]);
            }
        }

        return name.ToString();
    }

    /// <summary>Past an inline image's data: <c>ID</c>, then binary bytes up to an <c>EI</c> between white space.</summary>
    private static void SkipInlineImage(ReadOnlySpan<byte> content, ref int i)
    {
        var id = content[i..].IndexOf("ID"u8);
        if (id < 0)
        {
            i = content.Length;
            return;
        }

        for (i += id + 3; i + 1 < content.Length; i++)
        {
            if (content[i] == (byte)'E' && content[i + 1] == (byte)'I' && IsWhite(content[i - 1])
                && (i + 2 == content.Length || IsWhite(content[i + 2]) || IsDelimiter(content[i + 2])))
            {
                i += 2;
                return;
            }
        }

        i = content.Length;
    }

    private static bool IsWhite(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
}
