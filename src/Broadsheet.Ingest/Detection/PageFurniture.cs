using System.Text.RegularExpressions;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Finds the band of the page that holds articles, leaving out the page header (masthead, date, page
/// label and name, editors' names) and footer. Papers close the header with a full-width rule; where
/// there is none, header lines are recognised by what they say.
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>How far down a header rule may sit, as a share of the page height.</summary>
    private const double HeaderRuleZone = 0.15;

    /// <summary>How far down header text (a dateline band under a masthead) may sit when there is no rule.</summary>
    private const double HeaderTextZone = 0.22;

    /// <summary>How far up a footer rule or footer text may sit, from the bottom.</summary>
    private const double FooterZone = 0.06;

    /// <summary>A rule this wide (share of the page width) separates the header from the articles.</summary>
    private const double WideRule = 0.5;

    public static (double Top, double Bottom) ContentBand(PageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var wide = layout.Rules
            .Where(r => r.IsHorizontal && r.Box.Width >= WideRule * layout.Width)
            .OrderBy(r => r.Box.Top)
            .ToList();

        var top = 0.0;
        var headerRule = wide.LastOrDefault(r => r.Box.Top <= HeaderRuleZone * layout.Height
            && layout.Lines.Any(l => l.Box.Bottom <= r.Box.Top + 1));
        if (headerRule is not null)
        {
            top = headerRule.Box.Bottom;
        }

        // The lowest date, price or issue line near the top ends the header (a dateline band set under the masthead's
        // rule, or a header with no rule at all), unless a story's text stands above it.
        var body = FontSizes.Of(layout.Lines).Body;
        var ruleBottom = top;
        foreach (var line in layout.Lines.Where(l => l.Box.Top >= ruleBottom - 1 && l.Box.Bottom <= HeaderTextZone * layout.Height && LooksLikeFurniture(l.Text)).OrderBy(l => l.Box.Bottom))
        {
            var above = layout.Lines.Where(l => l.Box.Top >= ruleBottom - 1 && l.Box.Bottom <= line.Box.Top).ToList();
            var bodyAbove = above.Count(l => Math.Abs(l.FontSize - body) <= 0.15 * body && l.Text.Length >= 12);
            var headlineAbove = above.Any(l => l.FontSize >= FontSizes.HeadlineRatio * body && !LooksLikeFurniture(l.Text));
            if (bodyAbove < 3 && !headlineAbove && !InText(line, layout.Lines))
            {
                top = Math.Max(top, line.Box.Bottom);
            }
        }

        var bottom = layout.Height;
        var footerRule = wide.FirstOrDefault(r => r.Box.Bottom >= (1 - FooterZone) * layout.Height
            && layout.Lines.Any(l => l.Box.Top >= r.Box.Bottom - 1));
        if (footerRule is not null)
        {
            bottom = footerRule.Box.Top;
        }
        else
        {
            // A footer line stands alone; one that ends a column of text ("… on Tuesday") is the story's.
            foreach (var line in layout.Lines.Where(l => l.Box.Top >= (1 - FooterZone) * layout.Height && LooksLikeFurniture(l.Text) && !InText(l, layout.Lines)))
            {
                bottom = Math.Min(bottom, line.Box.Top);
            }
        }

        return (top, bottom);
    }

    /// <summary>Whether a line is one of a column of text: a line of its type lies right above or below it.</summary>
    private static bool InText(TextLine line, IReadOnlyList<TextLine> lines) =>
        lines.Any(o => !ReferenceEquals(o, line) && o.Box.HorizontalOverlap(line.Box) > 0 && Math.Abs(o.FontSize - line.FontSize) <= 0.1 * line.FontSize
            && ((o.Box.Bottom <= line.Box.Top + 0.5 && line.Box.Top - o.Box.Bottom <= 0.8 * line.FontSize)
                || (o.Box.Top >= line.Box.Bottom - 0.5 && o.Box.Top - line.Box.Bottom <= 0.8 * line.FontSize)));

    /// <summary>
    /// Text a page header or footer is made of: dates, page labels, editors' credits, page numbers, issue numbers and
    /// prices. A date or a price inside a sentence is not furniture: those only count on a short line of their own.
    /// </summary>
    public static bool LooksLikeFurniture(string text) =>
        FurniturePattern().IsMatch(text) || ((text ?? "").Trim().Length <= 40 && DatelinePattern().IsMatch(text ?? ""));

    [GeneratedRegex(
        @"第\s*[A-Z]?\d+\s*版|星期[一二三四五六日天]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|责任编辑|责编|美编|版式|校对|组版|总第\s*\d+\s*期|国内统一连续出版物号|邮发代号|^\s*[A-Z]?\d{1,3}\s*$|^\s*-\s*\d+\s*-\s*$|Page\s+\d+|^\s*[CMYK](?:\s*[CMYK]){1,3}\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex FurniturePattern();

    [GeneratedRegex(
        @"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Luned[iì]|Marted[iì]|Mercoled[iì]|Gioved[iì]|Venerd[iì]|Sabato|Domenica|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b"
        + @"|\bVol\.|\bVOL\.|\bAnno\s*\d|\bN[o°º]\.?\s*\d|[€$£¥]\s?\d+[.,]\d\d\b|定价|零售价",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatelinePattern();
}
