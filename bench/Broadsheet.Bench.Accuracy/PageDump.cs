using System.Globalization;
using System.Text;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Bench.Accuracy;

/// <summary>What the importer reads and detects on one PDF page, for a person to look at (any PDF, not only samples).</summary>
internal static class PageDump
{
    public static string Render(string pdfPath, bool lines)
    {
        var c = CultureInfo.InvariantCulture;
        var layout = PdfLayoutReader.ReadFirstPage(pdfPath);
        var sb = new StringBuilder();
        sb.AppendLine(c, $"{pdfPath}: {layout.Width:0} x {layout.Height:0} pt, {layout.Lines.Count} lines, {layout.Images.Count} images, {layout.Rules.Count} rules, unreadable {layout.IsUnreadable}");
        if (lines)
        {
            foreach (var l in layout.Lines)
            {
                sb.AppendLine(c, $"  [{l.Box.Left:0.0},{l.Box.Top:0.0} {l.Box.Right:0.0},{l.Box.Bottom:0.0}] {l.FontSize:0.0}pt{(l.IsVertical ? " vertical" : "")} {l.Text}");
            }

            foreach (var i in layout.Images)
            {
                sb.AppendLine(c, $"  image [{i.Box.Left:0.0},{i.Box.Top:0.0} {i.Box.Right:0.0},{i.Box.Bottom:0.0}]");
            }

            foreach (var r in layout.Rules)
            {
                sb.AppendLine(c, $"  rule [{r.Box.Left:0.0},{r.Box.Top:0.0} {r.Box.Right:0.0},{r.Box.Bottom:0.0}]");
            }

            foreach (var p in layout.Panels)
            {
                sb.AppendLine(c, $"  panel [{p.Box.Left:0.0},{p.Box.Top:0.0} {p.Box.Right:0.0},{p.Box.Bottom:0.0}] {p.Colour}");
            }
        }

        foreach (var a in new SimpleArticleDetector().Detect(layout))
        {
            sb.AppendLine(c, $"* {a.Kind} '{a.Headline}' kicker '{a.Kicker}' sub '{a.Subheadline}' byline '{a.Byline}' dateline '{a.Dateline}' continued to '{a.ContinuedTo}' from '{a.ContinuedFrom}', {a.Lines.Count} lines");
            foreach (var r in a.Regions)
            {
                sb.AppendLine(c, $"  region {string.Join(" ", r.Points.Select(p => string.Create(c, $"{p.X * layout.Width:0},{p.Y * layout.Height:0}")))}");
            }

            foreach (var i in a.Images)
            {
                sb.AppendLine(c, $"  photo caption '{i.Caption}' credit '{i.Credit}'");
            }

            foreach (var p in a.Paragraphs)
            {
                sb.AppendLine(c, $"  ¶ {p}");
            }
        }

        return sb.ToString();
    }
}
