using System.Globalization;
using System.Xml;
using Broadsheet.Core.Model;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.OpenData.Bulk;

/// <summary>
/// An edition's text as ALTO 4: a <c>Page</c> per page, in pixels of the page image; on it a <c>TextBlock</c> per
/// article (ID <c>P{page}_A{n}</c>, n its number on the page as in the reader's URL), holding the printed lines the
/// import read inside the article's regions, each line's words as <c>String</c>s. A line's box is as read; a word's
/// box is placed along its line by the width of its characters (a Chinese character one em, others about half).
/// Where a page has no lines (imported before they were kept, or by hand), the block is the article's regions'
/// bounds and holds a line per paragraph, each given the block's box, on the page the article starts on.
/// </summary>
internal static class AltoDocument
{
    public const string Namespace = "http://www.loc.gov/standards/alto/ns-v4#";
    private const string SchemaLocation = Namespace + " http://www.loc.gov/standards/alto/v4/alto-4-4.xsd";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    private const double NarrowEm = 0.55;

    /// <summary>The edition's ALTO, UTF-8. An edition's ALTO is a few hundred kilobytes, so it is made whole and sent whole.</summary>
    public static async Task<byte[]> WriteAsync(EditionView view, Func<PageView, Task<IReadOnlyList<PageTextLine>>> linesOf)
    {
        var lines = new List<IReadOnlyList<PageTextLine>>(view.Pages.Count);
        foreach (var page in view.Pages)
        {
            lines.Add(await linesOf(page));
        }

        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("alto", Namespace);
            xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
            xml.WriteAttributeString("schemaLocation", XsiNamespace, SchemaLocation);
            xml.WriteStartElement("Description", Namespace);
            xml.WriteElementString("MeasurementUnit", Namespace, "pixel");
            xml.WriteEndElement();
            xml.WriteStartElement("Layout", Namespace);
            foreach (var page in view.Pages)
            {
                WritePage(xml, view, page, lines[page.Index]);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return output.ToArray();
    }

    private static void WritePage(XmlWriter xml, EditionView view, PageView page, IReadOnlyList<PageTextLine> lines)
    {
        // Pages without an image are measured in points, as a 72 dpi image of the page would be.
        var (width, height) = page.Page.ImageWidth > 0 && page.Page.ImageHeight > 0
            ? (page.Page.ImageWidth, page.Page.ImageHeight)
            : ((int)Math.Round(page.Page.WidthPt), (int)Math.Round(page.Page.HeightPt));
        var scale = new Scale(width, height);
        var pageId = "P" + Number(page.Index + 1);
        xml.WriteStartElement("Page", Namespace);
        xml.WriteAttributeString("ID", pageId);
        xml.WriteAttributeString("PHYSICAL_IMG_NR", Number(page.Index + 1));
        xml.WriteAttributeString("PRINTED_IMG_NR", page.Page.Label);
        xml.WriteAttributeString("WIDTH", Number(width));
        xml.WriteAttributeString("HEIGHT", Number(height));
        xml.WriteStartElement("PrintSpace", Namespace);
        Box(xml, scale, 0, 0, 1, 1);
        foreach (var item in page.Articles)
        {
            var mine = lines.Where(l => item.Regions.Any(r => r.Contains((l.Left + l.Right) / 2, (l.Top + l.Bottom) / 2))).ToList();
            var blockId = $"{pageId}_A{Number(item.N)}";
            xml.WriteStartElement("TextBlock", Namespace);
            xml.WriteAttributeString("ID", blockId);
            if (mine.Count > 0)
            {
                Box(xml, scale, mine.Min(l => l.Left), mine.Min(l => l.Top), mine.Max(l => l.Right), mine.Max(l => l.Bottom));
                xml.WriteAttributeString("LANG", view.Publication.Language);
                for (var i = 0; i < mine.Count; i++)
                {
                    WriteLine(xml, scale, $"{blockId}_L{Number(i + 1)}", mine[i]);
                }
            }
            else
            {
                var bounds = item.Regions.Select(r => r.Bounds).ToList();
                var (left, top, right, bottom) = (bounds.Min(b => b.Left), bounds.Min(b => b.Top), bounds.Max(b => b.Right), bounds.Max(b => b.Bottom));
                Box(xml, scale, left, top, right, bottom);
                xml.WriteAttributeString("LANG", view.Publication.Language);
                // The paragraphs once, where the article starts, not again on each page it continues on.
                if (ReferenceEquals(view.Home(item.Article), item))
                {
                    var paragraphs = Headed(item.Article).ToList();
                    for (var i = 0; i < paragraphs.Count; i++)
                    {
                        WriteLine(xml, scale, $"{blockId}_L{Number(i + 1)}", new PageTextLine(paragraphs[i], left, top, right, bottom), wholeBox: true);
                    }
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static IEnumerable<string> Headed(Article article) =>
        new[] { article.Kicker, article.Headline, article.Subheadline, article.Byline }.OfType<string>()
            .Concat(article.Body.Select(p => p.Text))
            .Select(t => t.ReplaceLineEndings(" ").Trim())
            .Where(t => t.Length > 0);

    private static void WriteLine(XmlWriter xml, Scale scale, string id, PageTextLine line, bool wholeBox = false)
    {
        xml.WriteStartElement("TextLine", Namespace);
        xml.WriteAttributeString("ID", id);
        Box(xml, scale, line.Left, line.Top, line.Right, line.Bottom);
        var words = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ems = Ems(line.Text.Trim());
        var unit = ems > 0 ? (line.Right - line.Left) / ems : 0;
        var x = line.Left;
        var at = 0;
        var text = line.Text.Trim();
        for (var i = 0; i < words.Length; i++)
        {
            var start = text.IndexOf(words[i], at, StringComparison.Ordinal);
            x = line.Left + (Ems(text[..start]) * unit);
            at = start + words[i].Length;
            var right = wholeBox ? line.Right : Math.Min(line.Right, x + (Ems(words[i]) * unit));
            if (i > 0)
            {
                xml.WriteStartElement("SP", Namespace);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("String", Namespace);
            xml.WriteAttributeString("ID", $"{id}_S{Number(i + 1)}");
            xml.WriteAttributeString("CONTENT", words[i]);
            Box(xml, scale, wholeBox ? line.Left : x, line.Top, right, line.Bottom);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static double Ems(string text)
    {
        var ems = 0.0;
        foreach (var c in text)
        {
            ems += c >= '\u2E80' ? 1 : NarrowEm;
        }

        return ems;
    }

    private static void Box(XmlWriter xml, Scale scale, double left, double top, double right, double bottom)
    {
        var (x, y) = (scale.X(left), scale.Y(top));
        xml.WriteAttributeString("HPOS", Number(x));
        xml.WriteAttributeString("VPOS", Number(y));
        xml.WriteAttributeString("WIDTH", Number(Math.Max(1, scale.X(right) - x)));
        xml.WriteAttributeString("HEIGHT", Number(Math.Max(1, scale.Y(bottom) - y)));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Scale(int Width, int Height)
    {
        public int X(double x) => (int)Math.Round(Math.Clamp(x, 0, 1) * Width);

        public int Y(double y) => (int)Math.Round(Math.Clamp(y, 0, 1) * Height);
    }
}
