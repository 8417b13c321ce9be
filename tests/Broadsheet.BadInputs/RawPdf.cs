using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Broadsheet.BadInputs;

/// <summary>
/// Writes a PDF object by object with a correct cross-reference table, so any shape of file can be made, hostile
/// ones included. Object 1 is the catalog. Bodies are PDF syntax as text; streams may be deflated any number of
/// times from a repeated piece, so a stream that inflates to hundreds of megabytes is written without ever
/// holding them.
/// </summary>
public sealed class RawPdf
{
    private readonly SortedDictionary<int, (byte[] Body, byte[]? Stream)> _objects = [];
    private int _next = 1;

    /// <summary>When set, streams are RC4-encrypted with the standard security handler (revision 2) for these passwords.</summary>
    public (string User, string Owner)? Passwords { get; init; }

    /// <summary>Bytes before <c>%PDF-</c> (a polyglot's other format).</summary>
    public byte[] Prefix { get; init; } = [];

    /// <summary>Bytes after <c>%%EOF</c>.</summary>
    public byte[] Suffix { get; init; } = [];

    /// <summary>More trailer entries, e.g. <c>/Encrypt 9 0 R</c>.</summary>
    public string TrailerExtra { get; init; } = "";

    /// <summary>A number for an object written later (for references that point forward).</summary>
    public int Reserve() => _next++;

    public int Add(string body) => Set(Reserve(), body);

    public int Set(int number, string body) => Set(number, Encoding.Latin1.GetBytes(body));

    public int Set(int number, byte[] body)
    {
        _objects[number] = (body, null);
        _next = Math.Max(_next, number + 1);
        return number;
    }

    public int AddStream(string dictionary, byte[] data) => SetStream(Reserve(), dictionary, data);

    public int SetStream(int number, string dictionary, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _objects[number] = (Latin(string.Create(CultureInfo.InvariantCulture, $"<< {dictionary} /Length {data.Length} >>")), data);
        _next = Math.Max(_next, number + 1);
        return number;
    }

    /// <summary>A stream of <paramref name="piece"/> repeated <paramref name="times"/>, deflated <paramref name="layers"/> times.</summary>
    public int AddDeflated(string dictionary, byte[] piece, long times, int layers = 1) =>
        AddStream($"{dictionary} /Filter [{string.Concat(Enumerable.Repeat("/FlateDecode ", layers))}]", Deflate(piece, times, layers));

    public byte[] Build()
    {
        var security = Passwords is { } passwords ? new Rc4Security(passwords.User, passwords.Owner) : null;
        if (security is not null)
        {
            Set(Reserve(), security.Dictionary);
        }

        using var output = new MemoryStream();
        output.Write(Prefix);
        var start = output.Position;
        output.Write("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"u8);
        var offsets = new Dictionary<int, long>();
        foreach (var (number, (body, stream)) in _objects)
        {
            offsets[number] = output.Position - start;
            output.Write(Latin(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n")));
            output.Write(body);
            if (stream is not null)
            {
                output.Write("\nstream\n"u8);
                output.Write(security is null ? stream : security.Encrypt(number, stream));
                output.Write("\nendstream"u8);
            }

            output.Write("\nendobj\n"u8);
        }

        var size = _objects.Count == 0 ? 1 : _objects.Keys.Max() + 1;
        var xref = output.Position - start;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n");
        for (var i = 1; i < size; i++)
        {
            table.Append(offsets.TryGetValue(i, out var at)
                ? string.Create(CultureInfo.InvariantCulture, $"{at:D10} 00000 n \n")
                : "0000000000 65535 f \n");
        }

        var encrypt = security is null ? "" : string.Create(CultureInfo.InvariantCulture, $"/Encrypt {size - 1} 0 R /ID [<{Rc4Security.IdHex}> <{Rc4Security.IdHex}>] ");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root 1 0 R {encrypt}{TrailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Latin(table.ToString()));
        output.Write(Suffix);
        return output.ToArray();
    }

    /// <summary><paramref name="piece"/> repeated, zlib-deflated, then deflated again for each further layer.</summary>
    public static byte[] Deflate(byte[] piece, long times, int layers = 1)
    {
        ArgumentNullException.ThrowIfNull(piece);
        using var first = new MemoryStream();
        using (var z = new ZLibStream(first, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = Enumerable.Repeat(piece, (int)Math.Max(1, Math.Min(times, 65536 / Math.Max(1, piece.Length)))).SelectMany(p => p).ToArray();
            var perBlock = block.Length / Math.Max(1, piece.Length);
            var left = times;
            while (left >= perBlock)
            {
                z.Write(block);
                left -= perBlock;
            }

            for (; left > 0; left--)
            {
                z.Write(piece);
            }
        }

        var data = first.ToArray();
        for (var layer = 1; layer < layers; layer++)
        {
            using var next = new MemoryStream();
            using (var z = new ZLibStream(next, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(data);
            }

            data = next.ToArray();
        }

        return data;
    }

    public static byte[] Latin(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>
    /// A sound one-page PDF, 842 x 1191 pt, with a headline and a few lines of body text in Helvetica, and
    /// whatever <paramref name="extraContent"/>, <paramref name="extraResources"/> or <paramref name="extraPage"/> add.
    /// </summary>
    public static RawPdf Page(string headline = "Council approves the budget", string extraContent = "", string extraResources = "", string extraPage = "", string extraCatalog = "")
    {
        var pdf = new RawPdf();
        pdf.Set(1, $"<< /Type /Catalog /Pages 2 0 R {extraCatalog}>>");
        pdf.Set(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        var content = new StringBuilder();
        content.Append(CultureInfo.InvariantCulture, $"BT /F2 36 Tf 60 1100 Td ({headline}) Tj ET\n");
        for (var line = 0; line < 12; line++)
        {
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 10 Tf 60 {1040 - (line * 14)} Td (Line {line + 1} of the story, set in ten point type for the test.) Tj ET\n");
        }

        content.Append(extraContent);
        pdf.Set(3, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 1191] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> {extraResources}>> {extraPage}>>");
        pdf.SetStream(4, "", Latin(content.ToString()));
        pdf.Set(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        pdf.Set(6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>");
        return pdf;
    }
}
