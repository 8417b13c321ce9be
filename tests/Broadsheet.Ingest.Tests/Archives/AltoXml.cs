using System.Globalization;
using System.Text;

namespace Broadsheet.Ingest.Tests.Archives;

/// <summary>
/// Writes small ALTO pages by hand, as OCR vendors lay them out: a story with a headline over two columns of body
/// lines (the geometry of a 2000 x 2828 px page), in any ALTO namespace, prefixed or not, and any measurement unit.
/// </summary>
internal static class AltoXml
{
    public const string V1 = "";
    public const string Ccs = "http://schema.ccs-gmbh.com/ALTO";
    public const string V2 = "http://www.loc.gov/standards/alto/ns-v2#";
    public const string V3 = "http://www.loc.gov/standards/alto/ns-v3#";
    public const string V4 = "http://www.loc.gov/standards/alto/ns-v4#";

    /// <param name="ns">The ALTO namespace, or <see cref="V1"/> for none.</param>
    /// <param name="prefix">A namespace prefix (<c>alto</c>), or null for the default namespace.</param>
    /// <param name="unit">pixel, mm10 or inch1200.</param>
    /// <param name="scale">The page's units per pixel of the 2000 x 2828 reference page.</param>
    /// <param name="headline">The story's headline.</param>
    public static string Page(string ns, string? prefix, string unit, double scale, string headline = "Flood defences hold as river peaks")
    {
        var p = prefix is null ? "" : prefix + ":";
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<{p}alto{(ns.Length == 0 ? "" : prefix is null ? $" xmlns=\"{ns}\"" : $" xmlns:{prefix}=\"{ns}\"")}>");
        xml.Append(CultureInfo.InvariantCulture, $"<{p}Description><{p}MeasurementUnit>{unit}</{p}MeasurementUnit></{p}Description>");
        xml.Append(CultureInfo.InvariantCulture, $"<{p}Layout><{p}Page ID=\"P1\" WIDTH=\"{N(2000 * scale)}\" HEIGHT=\"{N(2828 * scale)}\"><{p}PrintSpace>");
        Block(xml, p, scale, "TB1", [(headline, 100, 200, 60)]);
        for (var column = 0; column < 2; column++)
        {
            var lines = new List<(string, double, double, double)>();
            for (var row = 0; row < 24; row++)
            {
                var text = row == 23 ? "the river fell by morning." : $"Line {row + 1} of column {column + 1} tells how the town kept the water out";
                if (column == 0 && row == 3)
                {
                    text = "Engineers said the barriers con-";
                }
                else if (column == 0 && row == 4)
                {
                    text = "tinued to hold through the night and more";
                }

                lines.Add((text, 100 + (column * 880), 320 + (row * 36), 24));
            }

            Block(xml, p, scale, $"TB{column + 2}", lines);
        }

        return xml.Append(CultureInfo.InvariantCulture, $"</{p}PrintSpace></{p}Page></{p}Layout></{p}alto>").ToString();
    }

    private static void Block(StringBuilder xml, string p, double scale, string id, List<(string Text, double Left, double Top, double Size)> lines)
    {
        var top = lines.Min(l => l.Top);
        var bottom = lines.Max(l => l.Top + l.Size);
        xml.Append(CultureInfo.InvariantCulture, $"<{p}TextBlock ID=\"{id}\" HPOS=\"{N(lines[0].Left * scale)}\" VPOS=\"{N(top * scale)}\" WIDTH=\"{N(860 * scale)}\" HEIGHT=\"{N((bottom - top) * scale)}\">");
        foreach (var (text, left, lineTop, size) in lines)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<{p}TextLine HPOS=\"{N(left * scale)}\" VPOS=\"{N(lineTop * scale)}\" WIDTH=\"{N(text.Length * size * 0.5 * scale)}\" HEIGHT=\"{N(size * scale)}\">");
            var x = left;
            var words = text.Split(' ');
            for (var w = 0; w < words.Length; w++)
            {
                var word = words[w];
                var width = word.Length * size * 0.5;
                var hyphen = "";
                if (word == "con-")
                {
                    hyphen = " SUBS_TYPE=\"HypPart1\" SUBS_CONTENT=\"continued\"";
                    word = "con";
                }
                else if (word == "tinued")
                {
                    hyphen = " SUBS_TYPE=\"HypPart2\" SUBS_CONTENT=\"continued\"";
                }

                if (w > 0)
                {
                    xml.Append(CultureInfo.InvariantCulture, $"<{p}SP WIDTH=\"{N(size * 0.5 * scale)}\" HPOS=\"{N((x - (size * 0.5)) * scale)}\" VPOS=\"{N(lineTop * scale)}\"/>");
                }

                xml.Append(CultureInfo.InvariantCulture,
                    $"<{p}String CONTENT=\"{word}\" HPOS=\"{N(x * scale)}\" VPOS=\"{N(lineTop * scale)}\" WIDTH=\"{N(width * scale)}\" HEIGHT=\"{N(size * scale)}\" WC=\"0.9\"{hyphen}/>");
                if (hyphen.Contains("HypPart1", StringComparison.Ordinal))
                {
                    xml.Append(CultureInfo.InvariantCulture, $"<{p}HYP CONTENT=\"-\" HPOS=\"{N((x + width) * scale)}\" VPOS=\"{N(lineTop * scale)}\" WIDTH=\"{N(size * 0.3 * scale)}\"/>");
                }

                x += width + (size * 0.5);
            }

            xml.Append(CultureInfo.InvariantCulture, $"</{p}TextLine>");
        }

        xml.Append(CultureInfo.InvariantCulture, $"</{p}TextBlock>");
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
