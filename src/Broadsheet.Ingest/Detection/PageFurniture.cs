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

    /// <summary>How far down header text may sit when there is no rule.</summary>
    private const double HeaderTextZone = 0.08;

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
        else
        {
            foreach (var line in layout.Lines.Where(l => l.Box.Bottom <= HeaderTextZone * layout.Height && LooksLikeFurniture(l.Text)))
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
            foreach (var line in layout.Lines.Where(l => l.Box.Top >= (1 - FooterZone) * layout.Height && LooksLikeFurniture(l.Text)))
            {
                bottom = Math.Min(bottom, line.Box.Top);
            }
        }

        return (top, bottom);
    }

    /// <summary>Text a page header or footer is made of: dates, page labels, editors' credits, page numbers.</summary>
    public static bool LooksLikeFurniture(string text) => FurniturePattern().IsMatch(text);

    [GeneratedRegex(
        @"第\s*[A-Z]?\d+\s*版|星期[一二三四五六日天]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|责任编辑|责编|美编|版式|校对|组版|^\s*[A-Z]?\d{1,3}\s*$|^\s*-\s*\d+\s*-\s*$|Page\s+\d+",
        RegexOptions.CultureInvariant)]
    private static partial Regex FurniturePattern();
}
