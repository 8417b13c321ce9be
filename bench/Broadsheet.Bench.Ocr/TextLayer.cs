using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Bench.Ocr;

/// <summary>One line of a PDF's text layer, its box in pixels of the raster made at the same width.</summary>
internal sealed record LayerLine(string Text, double Left, double Top, double Right, double Bottom, double FontSize)
{
    public double Area => (Right - Left) * (Bottom - Top);

    public bool Contains(double x, double y) => x >= Left && x <= Right && y >= Top && y <= Bottom;
}

/// <summary>The text layer's lines, as <c>mutool draw -F stext</c> reads them.</summary>
internal static class TextLayer
{
    public static async Task<List<LayerLine>> ReadAsync(string pdf, int page, int rasterWidth, string scratch)
    {
        var output = Path.Combine(scratch, "layer.xml");
        var start = new System.Diagnostics.ProcessStartInfo("mutool", ["draw", "-q", "-F", "stext", "-o", output, pdf, page.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
        };
        using (var process = System.Diagnostics.Process.Start(start)!)
        {
            await process.WaitForExitAsync();
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(output, settings);
        var document = XDocument.Load(reader);
        var pageElement = document.Descendants("page").First();
        var scale = rasterWidth / Number((string)pageElement.Attribute("width")!);
        var lines = new List<LayerLine>();
        // Typesetting fakes bold and outlines by printing a character again on itself; the page shows it once.
        var printed = new HashSet<(string, long, long)>();
        foreach (var line in document.Descendants("line"))
        {
            var text = string.Concat(line.Descendants("char")
                .Where(c => printed.Add(((string?)c.Attribute("c") ?? "", (long)Math.Round(Number((string)c.Attribute("x")!) * 2), (long)Math.Round(Number((string)c.Attribute("y")!) * 2))))
                .Select(c => (string?)c.Attribute("c") ?? ""));
            var box = ((string)line.Attribute("bbox")!).Split(' ').Select(Number).ToArray();
            var size = line.Descendants("font").Select(f => Number((string)f.Attribute("size")!)).DefaultIfEmpty(0).Max();
            lines.Add(new LayerLine(text, box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale, size * scale));
        }

        return lines;
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
