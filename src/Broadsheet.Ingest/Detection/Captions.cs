using System.Text.RegularExpressions;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// A photo's caption is the body-size text set right under it and no wider than it; its credit is the
/// "本报记者 张三 摄" (or "张三/摄") at the end.
/// </summary>
internal static partial class Captions
{
    /// <summary>The caption starts within this many ems below the photo.</summary>
    private const double MaxGap = 1.5;

    /// <param name="image">The photo.</param>
    /// <param name="lines">Lines that may be its caption (not titles).</param>
    /// <param name="titles">
    /// Titles on the page: photo news (图片新闻) sets its title between the photo and the caption, so a
    /// title right under the photo is stepped over.
    /// </param>
    /// <param name="sizes">The page's type sizes.</param>
    public static IReadOnlyList<TextLine> Below(PageImage image, IReadOnlyList<TextLine> lines, IReadOnlyList<TitleBlock> titles, FontSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(sizes);
        var slack = 0.5 * sizes.Body;
        var candidates = lines
            .Where(l => !sizes.IsDisplay(l)
                && l.Box.Left >= image.Box.Left - slack
                && l.Box.Right <= image.Box.Right + slack
                && l.Box.Top >= image.Box.Bottom - slack)
            .OrderBy(l => l.Box.Top)
            .ToList();
        var caption = new List<TextLine>();
        var bottom = image.Box.Bottom;
        var title = titles.FirstOrDefault(t => t.Box.Top >= bottom - slack && t.Box.Top - bottom <= MaxGap * sizes.Body
            && t.Box.Left >= image.Box.Left - slack && t.Box.Right <= image.Box.Right + slack);
        if (title is not null)
        {
            bottom = title.Box.Bottom;
        }

        foreach (var line in candidates)
        {
            // A writer's name under a portrait stands a little apart from the lines on who they are.
            // A name may fill a narrow portrait's width.
            var afterName = caption.Count is 1 or 2 && caption.All(c => c.IsBold && (c.Box.Width <= 0.9 * image.Box.Width || Standfirsts.IsName(c.Text)));
            var limit = caption.Count == 0 ? MaxGap * sizes.Body : (afterName ? 1.0 : 0.8) * line.FontSize;
            if (line.Box.Top - bottom > limit)
            {
                break;
            }

            // Larger type after a caption's lines is what the page sets under the caption (an opinion page's
            // standfirst under its author box), not more of the caption.
            if (caption.Count >= 2 && line.FontSize >= 1.1 * caption[^1].FontSize)
            {
                break;
            }

            caption.Add(line);
            bottom = Math.Max(bottom, line.Box.Bottom);
        }

        return caption;
    }

    /// <summary>
    /// Splits "11月1日，市民在公园晨练。 赵六/摄" into the caption and the credit, which holds the name only
    /// ("赵六"); "… Photo: Ma Wei" the same way.
    /// </summary>
    public static (string? Caption, string? Credit) Split(string text)
    {
        var trimmed = (text ?? "").Trim();
        var english = EnglishCredit().Match(trimmed);
        if (english.Success)
        {
            var before = trimmed[..english.Index].Trim();
            return (before.Length > 0 ? before : null, english.Groups["credit"].Value.Trim());
        }

        var m = Credit().Match(trimmed);
        if (!m.Success)
        {
            return (trimmed.Length > 0 ? trimmed : null, null);
        }

        var caption = trimmed[..m.Index].Trim();
        return (caption.Length > 0 ? caption : null, Bylines.Tidy(m.Groups["credit"].Value));
    }

    /// <summary>
    /// Whether a caption opens with a title of its own, as photo news (图片新闻) captions do: a short phrase ended by a
    /// full stop ("辅警开展专项训练。"), then a longer account ("8月6日，…"). A story photo's caption is one sentence.
    /// </summary>
    public static bool HasOwnTitle(IReadOnlyList<TextLine> caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var (text, _) = Split(TitleBlock.JoinText(caption));
        return text is not null && OwnTitle().Match(text) is { Success: true } m && m.Groups["rest"].Length >= 2 * m.Groups["title"].Length;
    }

    [GeneratedRegex(@"^(?<title>[^，。,：:；;！？!?\s]{4,16})[。．]\s*(?<rest>\S.{19,})$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnTitle();

    [GeneratedRegex(@"[（(]?\s*(?<credit>[^。！？；（()）/／\s][^。！？；（()）/／]{0,29}?)\s*[/／]?\s*摄\s*[）)]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"\(?\b(?:Photo|Photograph|Picture)s?(?:\s+by|\s*:)\s*(?<credit>[^()]+?)\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishCredit();
}
