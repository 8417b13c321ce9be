using System.Globalization;
using System.Xml.Linq;

namespace Broadsheet.Ingest.Archives.Alto;

/// <summary>A word of an ALTO page, in the page's own units; a word hyphenated across lines is whole on its first line.</summary>
internal sealed record AltoWord(string Text, double Left, double Top, double Width, double Height, double Confidence);

/// <summary>A text line of an ALTO page.</summary>
internal sealed record AltoLine(IReadOnlyList<AltoWord> Words, double Left, double Top, double Width, double Height)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));
}

/// <summary>A text block (ALTO <c>TextBlock</c>) with its ID, which METS article divisions point at.</summary>
internal sealed record AltoBlock(string Id, IReadOnlyList<AltoLine> Lines, double Left, double Top, double Width, double Height)
{
    public string Text => string.Join('\n', Lines.Select(l => l.Text));
}

/// <summary>
/// One ALTO page: its size and blocks in its own units (<c>MeasurementUnit</c> pixel, mm10 or inch1200). Boxes are
/// placed on an image by the page's own size, whatever the image's resolution, so the unit never needs converting.
/// </summary>
internal sealed record AltoPage(string FileName, double Width, double Height, string Unit, IReadOnlyList<AltoBlock> Blocks)
{
    /// <summary>Reads an ALTO file of any version (1 to 4, the namespace prefixed or not).</summary>
    /// <exception cref="ImportException">Not XML, XML of another schema, or a page without a size.</exception>
    public static AltoPage Read(string path, string name)
    {
        var root = SafeXml.Load(path, name).Root!;
        if (!string.Equals(root.Name.LocalName, "alto", StringComparison.Ordinal))
        {
            throw new ImportException($"{name}: not ALTO (its root is <{root.Name.LocalName}>{(root.Name.NamespaceName.Length > 0 ? $" in {root.Name.NamespaceName}" : "")})");
        }

        var unit = Descendants(root, "MeasurementUnit").FirstOrDefault()?.Value.Trim() ?? "pixel";
        if (unit is not ("pixel" or "mm10" or "inch1200"))
        {
            throw new ImportException($"{name}: MeasurementUnit '{unit}' is not pixel, mm10 or inch1200");
        }

        var page = Descendants(root, "Page").FirstOrDefault() ?? throw new ImportException($"{name}: the ALTO has no <Page>");
        var width = Number(page, "WIDTH") ?? 0;
        var height = Number(page, "HEIGHT") ?? 0;
        if (width <= 0 || height <= 0)
        {
            throw new ImportException($"{name}: the ALTO <Page> has no WIDTH and HEIGHT, so its boxes cannot be placed on the image");
        }

        var blocks = new List<AltoBlock>();
        foreach (var block in Descendants(page, "TextBlock"))
        {
            var lines = new List<AltoLine>();
            foreach (var line in Children(block, "TextLine"))
            {
                var words = Words(line);
                if (words.Count > 0)
                {
                    lines.Add(new AltoLine(words, Number(line, "HPOS") ?? words.Min(w => w.Left), Number(line, "VPOS") ?? words.Min(w => w.Top),
                        Number(line, "WIDTH") ?? (words.Max(w => w.Left + w.Width) - words.Min(w => w.Left)),
                        Number(line, "HEIGHT") ?? (words.Max(w => w.Top + w.Height) - words.Min(w => w.Top))));
                }
            }

            if (lines.Count > 0)
            {
                blocks.Add(new AltoBlock((string?)block.Attribute("ID") ?? "", lines, Number(block, "HPOS") ?? lines.Min(l => l.Left),
                    Number(block, "VPOS") ?? lines.Min(l => l.Top), Number(block, "WIDTH") ?? 0, Number(block, "HEIGHT") ?? 0));
            }
        }

        return new AltoPage(name, width, height, unit, blocks);
    }

    /// <summary>
    /// A line's words. A word split at a line's end (<c>SUBS_TYPE="HypPart1"</c>, with a <c>HYP</c> after it) is given
    /// whole (<c>SUBS_CONTENT</c>) on the first line, in the first part's box, and its second part is left off the next
    /// line, so the text and search see the word as printed unbroken.
    /// </summary>
    private static List<AltoWord> Words(XElement line)
    {
        var words = new List<AltoWord>();
        foreach (var s in Children(line, "String"))
        {
            var content = (string?)s.Attribute("CONTENT") ?? "";
            var subsType = (string?)s.Attribute("SUBS_TYPE");
            var subsContent = (string?)s.Attribute("SUBS_CONTENT");
            if (subsType == "HypPart2" && !string.IsNullOrEmpty(subsContent))
            {
                continue;
            }

            if (subsType == "HypPart1" && !string.IsNullOrEmpty(subsContent))
            {
                content = subsContent;
            }

            content = content.Trim();
            if (content.Length == 0)
            {
                continue;
            }

            words.Add(new AltoWord(content, Number(s, "HPOS") ?? 0, Number(s, "VPOS") ?? 0, Number(s, "WIDTH") ?? 0, Number(s, "HEIGHT") ?? 0,
                Math.Clamp(Number(s, "WC") ?? 1, 0, 1)));
        }

        return words;
    }

    // ALTO's namespace changes with its version (none, CCS-GmbH, LoC v2 to v4), so elements are matched by local name.
    private static IEnumerable<XElement> Descendants(XElement parent, string name) => parent.Descendants().Where(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);

    private static double? Number(XElement element, string attribute) =>
        double.TryParse((string?)element.Attribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
