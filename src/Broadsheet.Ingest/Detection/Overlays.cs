using Broadsheet.Core.Model;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Text that is on the page but is not a story's: words printed over a picture, runs of symbols (a barcode's digits
/// in a symbol font), and teasers that only send the reader to another page.
/// </summary>
internal static class Overlays
{
    /// <summary>The lines lying over each picture (most of their box inside it).</summary>
    public static Dictionary<PageImage, List<TextLine>> Of(IReadOnlyList<PageImage> images, IReadOnlyList<TextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(lines);
        var result = new Dictionary<PageImage, List<TextLine>>(ReferenceEqualityComparer.Instance);
        // A picture's box is where it was placed, not what shows of it: a photo cropped by a clipping path can reach
        // under the column beside it. A line is the picture's only if the whole run of text it belongs to lies over it.
        bool Inside(TextLine l, PageImage image) => l.Box.Area > 0 && l.Box.IntersectionArea(image.Box) >= 0.8 * l.Box.Area;
        foreach (var image in images)
        {
            var over = lines.Where(l => Inside(l, image) && Run(l, lines).All(o => Inside(o, image))).ToList();
            if (over.Count > 0)
            {
                result[image] = over;
            }
        }

        return result;
    }

    /// <summary>The lines of the same type stacked with <paramref name="line"/> one under the other.</summary>
    private static List<TextLine> Run(TextLine line, IReadOnlyList<TextLine> lines)
    {
        var run = new List<TextLine> { line };
        for (var i = 0; i < run.Count; i++)
        {
            var a = run[i];
            foreach (var b in lines)
            {
                if (!run.Contains(b) && Math.Abs(a.FontSize - b.FontSize) <= 0.05 * a.FontSize && a.Box.HorizontalOverlap(b.Box) > 0
                    && Math.Max(b.Box.Top - a.Box.Bottom, a.Box.Top - b.Box.Bottom) <= 1.2 * a.FontSize)
                {
                    run.Add(b);
                }
            }
        }

        return run;
    }

    /// <summary>Words enough over a picture to be its slogan: three words or six CJK characters.</summary>
    public static bool IsSlogan(List<TextLine>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            return false;
        }

        var text = string.Join(" ", lines.Select(l => l.Text.Trim()));
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 || text.Count(c => Script.IsCjk(c)) >= 6;
    }

    /// <summary>
    /// A line of six or more characters of which fewer than two in five are letters, and which is either a barcode's
    /// long run of digits or mostly symbols. A paragraph's last line can be a figure alone ("96.8%。"), and a
    /// phone number has its label ("咨询热线：0851-88888888"): neither is noise.
    /// </summary>
    public static bool IsNoise(TextLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Text.Where(c => !char.IsWhiteSpace(c)).ToList();
        if (text.Count < 6 || text.Count(char.IsLetter) >= 0.4 * text.Count)
        {
            return false;
        }

        var letters = text.Count(char.IsLetter);
        var digits = text.Count(char.IsAsciiDigit);
        var symbols = text.Count(c => !char.IsLetterOrDigit(c));
        return (letters == 0 && digits >= 8) || symbols > 0.6 * text.Count;
    }

    /// <summary>
    /// A teaser for a story on another page: it names the page and has no text of its own, or only a sentence or two
    /// and no byline (the front page's promos, "Nicholas Kristof  PAGE A26", "Tv, pasticcio anti-pirateria … a pagina 23").
    /// </summary>
    public static bool IsPromo(DetectedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var chars = article.Paragraphs.Sum(p => p.Length);
        return article.Kind is ArticleKind.Story or ArticleKind.PhotoNews && article.ContinuedTo is not null
            && !article.Images.Any(i => i.Caption is not null)
            && (chars == 0 || (article.Byline is null && chars < 250));
    }

    /// <summary>
    /// A title with nothing under it: no text and no picture. A label set over a column that detection gave to a
    /// title of its own ("6/7中缝" over a column of notices), a section banner, a box's name: not an article.
    /// </summary>
    public static bool IsBare(DetectedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Kind != ArticleKind.Advertisement && article.Images.Count == 0 && article.Paragraphs.All(p => p.Trim().Length == 0);
    }
}
