using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Desk.Doubts;

/// <summary>
/// What on a page needs a look, worst first: what detection doubted (<see cref="Article.Doubts"/>,
/// <see cref="Article.Confidence"/>, <see cref="Page.Doubts"/>) and the desk's own checks of what it finds on
/// the page now (articles without text, headline or region; very long ones; one printed line per paragraph;
/// overlapping regions; a region over another article's photo; text no article holds). Once a person has checked
/// an article (saved it, fixed it, or said so), what is a matter of judgement (detection's doubts, a long article,
/// a headline that reads like body text, a body that seems to start mid-sentence) is not listed again; what is a
/// fact about the page as it is now (no text, no headline, no region, one-line paragraphs, overlaps, a covered
/// photo) stays listed until it is fixed. A page a person has looked over lists no text-nobody-holds again.
/// </summary>
internal static class DoubtChecks
{
    /// <summary>What <see cref="ArticleEdits"/> puts where a headline was taken away.</summary>
    public const string Untitled = "（无标题）";

    public static IReadOnlyList<Doubt> Of(PageAnalysis page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var doubts = new List<Doubt>();
        if (!page.Page.Checked)
        {
            PageDoubtsOf(page, doubts);
        }

        var lengths = page.Articles.Select(a => page.TextOf(a).Normal.Length).Order().ToList();
        var median = lengths.Count == 0 ? 0 : lengths[lengths.Count / 2];
        foreach (var article in page.Articles.Where(a => IsHome(page, a)))
        {
            ArticleDoubtsOf(page, article, median, doubts);
        }

        PairDoubtsOf(page, doubts);
        return [.. doubts.OrderByDescending(d => d.Severity).ThenBy(d => d.Article?.Order ?? 0)];
    }

    /// <summary>
    /// An article printed on several pages is checked where it starts, so it is listed once.
    /// </summary>
    private static bool IsHome(PageAnalysis page, Article article) =>
        page.Edition.Pages.Where(article.IsOn).OrderBy(p => p.Order).FirstOrDefault() is { } first && ReferenceEquals(first, page.Page);

    private static void PageDoubtsOf(PageAnalysis page, List<Doubt> doubts)
    {
        var p = page.Page;
        void Add(DoubtKind kind, int severity, string message, Box? where = null) => doubts.Add(new Doubt(kind, severity, p, null, null, where, message));
        if (p.Doubts.HasFlag(PageDoubts.NoText) || p.Doubts.HasFlag(PageDoubts.UnreadableText))
        {
            Add(DoubtKind.PageUnreadable, 100, p.Doubts.HasFlag(PageDoubts.NoText)
                ? "本版没有文字层（可能是扫描件）：文章要靠人工画出、录入。"
                : "本版的文字层读不出来（字体没有可用的编码）：文章要靠人工画出、录入。");
        }

        if (p.Doubts.HasFlag(PageDoubts.Rotated))
        {
            Add(DoubtKind.PageRotated, 95, "本版是旋转的，没有识别文章。");
        }

        if (p.Doubts.HasFlag(PageDoubts.NoArticles) || (page.Articles.Count == 0 && page.Text.Lines.Count > 0))
        {
            Add(DoubtKind.PageNoArticles, 90, "本版有文字，但没有识别出文章：请画出文章的区域。");
        }

        if (p.Doubts.HasFlag(PageDoubts.Ocr) || p.TextSource == PageTextSource.Ocr)
        {
            Add(DoubtKind.PageOcr, 40, "本版的文字是 OCR 识别的：请对照版面核对文字。");
        }

        if (p.Doubts.HasFlag(PageDoubts.ExtraPdfPages))
        {
            Add(DoubtKind.PageExtraPages, 30, "上传的 PDF 有好几页，只导入了第一页。");
        }

        foreach (var block in Unclaimed(page))
        {
            var chars = block.Lines.Sum(i => LineText.Normal(page.Text.Lines[i].Text).Length);
            var first = page.Text.Lines[block.Lines[0]].Text;
            Add(DoubtKind.UnclaimedText, 50 + Math.Min(30, chars / 20), $"版面上有一段文字不属于任何文章（{chars}字）：“{Excerpt(first, 14)}”", block.Box);
        }
    }

    private static void ArticleDoubtsOf(PageAnalysis page, Article article, int median, List<Doubt> doubts)
    {
        var where = page.Where(article);
        void Add(DoubtKind kind, int severity, string message, Box? at = null) =>
            doubts.Add(new Doubt(kind, severity, page.Page, article, null, at ?? where, message));
        var text = page.TextOf(article);
        var doubt = article.Doubts;
        var lowConfidence = (int)Math.Round((1 - article.Confidence) * 40);
        var judged = !article.Checked;

        if (article.Regions.Count == 0)
        {
            Add(DoubtKind.NoRegion, 75, "没有版面区域：读者点不到它。");
        }

        var hasText = article.Paragraphs.Count > 0 || article.Images.Any(i => !string.IsNullOrWhiteSpace(i.Caption));
        if (!hasText && article.Kind != ArticleKind.Advertisement)
        {
            Add(DoubtKind.NoText, 80 + lowConfidence, "只有标题，没有正文。");
        }
        else if (judged && doubt.HasFlag(ArticleDoubts.NoText))
        {
            Add(DoubtKind.NoText, 70 + lowConfidence, "检测认为它没有正文。");
        }

        if (string.Equals(article.Headline, Untitled, StringComparison.Ordinal) || article.Headline.Length == 1)
        {
            Add(DoubtKind.NoHeadline, 78, "没有标题：请在版面上点选它的标题行。");
        }
        else if (judged && (doubt.HasFlag(ArticleDoubts.HeadlineGuessed) || LooksLikeBody(article.Headline)))
        {
            Add(DoubtKind.NoHeadline, 65 + lowConfidence, $"标题像是猜的：“{Excerpt(article.Headline, 16)}”。");
        }

        var fragments = Fragments(page, article);
        if (fragments >= 3 || (judged && doubt.HasFlag(ArticleDoubts.Fragmented)))
        {
            Add(DoubtKind.Fragmented, 55 + Math.Min(20, fragments), fragments >= 3
                ? $"有 {fragments} 段只有一行：可能是没接起来的碎行，可以“合并碎行”。"
                : "很多段只有一行：可能是没接起来的碎行，可以“合并碎行”。");
        }

        if (judged && article.Paragraphs.FirstOrDefault() is { } opening && BrokenStart(opening))
        {
            Add(DoubtKind.BrokenStart, 58, $"正文开头不完整（“{Excerpt(opening, 10)}”）：前面的文字可能在别的文章里。");
        }

        var length = text.Normal.Length;
        if (judged && ((length > 2500 && length > 3 * Math.Max(median, 1)) || article.Paragraphs.Count > 40 || doubt.HasFlag(ArticleDoubts.VeryLong)))
        {
            Add(DoubtKind.VeryLong, 45 + Math.Min(20, length / 500), string.Create(CultureInfo.InvariantCulture,
                $"特别长（{length}字，{article.Paragraphs.Count}段）：可能把两篇连在了一起。"));
        }

        var other = doubt & ~(ArticleDoubts.NoText | ArticleDoubts.HeadlineGuessed | ArticleDoubts.Fragmented | ArticleDoubts.VeryLong | ArticleDoubts.Overlaps);
        if (judged && (other != ArticleDoubts.None || lowConfidence >= 12))
        {
            Add(DoubtKind.Detection, 30 + lowConfidence, DetectionText(other, article.Confidence));
        }
    }

    private static void PairDoubtsOf(PageAnalysis page, List<Doubt> doubts)
    {
        var articles = page.Articles;
        for (var i = 0; i < articles.Count; i++)
        {
            for (var j = i + 1; j < articles.Count; j++)
            {
                var (a, b) = (articles[i], articles[j]);
                var (ga, gb) = (page.GridOf(a), page.GridOf(b));
                var both = ga.Overlap(gb);
                var smaller = Math.Min(ga.Area, gb.Area);
                if (both > 0.0015 && both > 0.04 * smaller)
                {
                    var shared = ga.Intersect(gb).ToPolygons().Select(Box.Of).ToList();
                    doubts.Add(new Doubt(DoubtKind.Overlap, 60 + (int)Math.Min(25, 100 * both / Math.Max(smaller, 1e-6) / 4), page.Page, a, b,
                        shared.Count > 0 ? Box.Bounding(shared) : null, $"区域和《{Excerpt(b.Headline, 12)}》重叠。"));
                }
            }
        }

        // Text printed over a picture is the picture's (an advert, a chart); text a frame can give up at its edges was taken in by mistake.
        foreach (var owner in articles.Where(a => a.Kind != ArticleKind.Advertisement))
        {
            foreach (var image in owner.Images.Where(i => ReferenceEquals(i.Page, page.Page) || (i.PageId != 0 && i.PageId == page.Page.Id)))
            {
                var inside = Review.PhotoEdits.TextInside(page, image).Count;
                if (inside >= 2 && Review.PhotoEdits.Trimmed(page, image) is not null)
                {
                    doubts.Add(new Doubt(DoubtKind.PhotoOverText, 62, page.Page, owner, null, Box.Of(image.Polygon),
                        $"图片框里有 {inside} 行文字：图片的范围画大了，可以选中图片“裁掉文字”。"));
                }
            }
        }

        foreach (var covering in articles)
        {
            foreach (var owner in articles.Where(o => !ReferenceEquals(o, covering)))
            {
                foreach (var image in owner.Images.Where(i => ReferenceEquals(i.Page, page.Page) || (i.PageId != 0 && i.PageId == page.Page.Id)))
                {
                    if (page.GridOf(covering).Covers(Box.Of(image.Polygon)) > 0.5)
                    {
                        doubts.Add(new Doubt(DoubtKind.CoversPhoto, 65, page.Page, covering, owner, Box.Of(image.Polygon),
                            $"区域盖住了《{Excerpt(owner.Headline, 12)}》的图片。"));
                    }
                }
            }
        }
    }

    /// <summary>Blocks of the page's text that no article holds, beyond the page's furniture (header, folio, footer).</summary>
    public static IEnumerable<TextBlock> Unclaimed(PageAnalysis page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Text.Complete || page.Articles.Count == 0 || !page.Articles.Any(a => page.RegionsOf(a).Any()))
        {
            yield break;
        }

        // Above every article and below them all are the page's furniture: the masthead or page head (name, date, folio,
        // issue number, weather), the editors' line, the footer.
        var regions = page.Articles.SelectMany(page.RegionsOf).Select(Box.Of).ToList();
        var top = regions.Min(r => r.Top);
        var bottom = regions.Max(r => r.Bottom);
        foreach (var block in page.Text.Blocks)
        {
            var free = block.Lines.Where(i => page.Owners[i] is null).ToList();
            var chars = free.Sum(i => LineText.Normal(page.Text.Lines[i].Text).Length);
            // Below them all only near the page's foot: a story left out at the bottom of the page is the worst miss.
            var furniture = block.Box.Bottom <= top + 0.005 || (block.Box.Top >= bottom - 0.005 && block.Box.Top > 0.9)
                || block.Box.Bottom < 0.04 || block.Box.Top > 0.97;
            // A few stray characters are a rule's label or a credit's remains, not an article.
            if (furniture || chars < 12 || free.Count < block.Lines.Count / 2.0)
            {
                continue;
            }

            yield return block with { Lines = free, Box = Box.Bounding(free.Select(i => Box.Of(page.Text.Lines[i]))) };
        }
    }

    /// <summary>Paragraphs that are one printed line running to the end of its column: a column's lines not joined.</summary>
    public static int Fragments(PageAnalysis page, Article article)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = page.TextOf(article);
        var perParagraph = page.LinesOf(article)
            .Select(i => (Line: i, Place: text.PlaceAt(page.Owners[i]!.Start)))
            .Where(x => x.Place.Field == TextField.Paragraph)
            .GroupBy(x => x.Place.Index)
            .Where(g => g.Count() == 1)
            .Select(g => g.First().Line);
        var count = 0;
        foreach (var index in perParagraph)
        {
            var line = page.Text.Lines[index];
            var block = page.Text.Blocks[page.Text.BlockOf[index]];
            var em = Math.Max(line.Bottom - line.Top, 0.001);
            if (block.Lines.Count > 1 && block.Box.Right - line.Right < 1.2 * em)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A body that opens with the last few characters of a sentence begun elsewhere ("平。通过…").</summary>
    private static bool BrokenStart(string opening)
    {
        var end = opening.IndexOfAny(['。', '！', '？', '；']);
        return end is >= 0 and < 3 && opening.Length > end + 1;
    }

    private static bool LooksLikeBody(string headline) =>
        headline.Length > 40 || (headline.Length > 12 && headline.EndsWith('。'));

    private static string DetectionText(ArticleDoubts doubts, double confidence)
    {
        var reasons = new List<string>();
        if (doubts.HasFlag(ArticleDoubts.LooseBody))
        {
            reasons.Add("正文是按位置归过来的");
        }

        if (doubts.HasFlag(ArticleDoubts.Short))
        {
            reasons.Add("标题下的正文很短，可能有一部分分给了旁边的文章");
        }

        if (doubts.HasFlag(ArticleDoubts.Ocr))
        {
            reasons.Add("文字是 OCR 识别的");
        }

        var sure = string.Create(CultureInfo.InvariantCulture, $"检测把握 {confidence * 100:0}%");
        return reasons.Count == 0 ? $"{sure}：请核对。" : $"{sure}：{string.Join("；", reasons)}。";
    }

    public static string Excerpt(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length <= length ? trimmed : trimmed[..length] + "…";
    }
}
