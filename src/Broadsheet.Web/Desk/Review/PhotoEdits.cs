using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Doubts;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Desk.Review;

/// <summary>
/// The page-first edits of photos: make a photo (with its caption) an article of its own (图片新闻), give it to
/// another article, move or re-crop it, delete it. Each is one structural change, so it can be undone.
/// </summary>
internal static class PhotoEdits
{
    /// <summary>
    /// A photo-news article from <paramref name="image"/>: the photo and its caption leave their article, the
    /// caption's first sentence is the headline, the credit the byline; its region covers the photo and caption.
    /// </summary>
    public static Article PhotoNews(EditionWork work, PageAnalysis page, ArticleImage image, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(image);
        var owner = image.Article;
        var headline = Headline(image.Caption);
        var captionLines = CaptionLines(page, image).ToList();
        var trimmed = Trimmed(page, image);
        var area = captionLines.Select(i => Box.Of(page.Text.Lines[i])).Aggregate(trimmed ?? Box.Of(image.Polygon), (a, b) => a.Union(b));
        Article? created = null;
        work.Restructure([owner], by, $"把《{DoubtChecks.Excerpt(owner.Headline, 12)}》里的图片做成图片新闻《{DoubtChecks.Excerpt(headline, 12)}》", () =>
        {
            created = work.Edition.InsertArticle(new ArticleContent { Headline = headline, Byline = image.Credit, Kind = ArticleKind.PhotoNews }, owner);
            var moved = work.Edition.MoveImage(image, created);
            if (trimmed is { } box)
            {
                moved.Reframe(box.ToPolygon());
            }
            var region = area.Inflate(0.002, 0.002).ToPolygon();
            created.AddRegion(page.Page, region);
            LineEdits.Subtract(page, owner, RegionGrid.Of([region]));
            LineEdits.RemoveEmpty(work.Edition, [owner]);
            created.MarkChecked();
        });
        return created!;
    }

    /// <summary>Gives <paramref name="image"/> with its caption to <paramref name="to"/>.</summary>
    public static string Give(EditionWork work, ArticleImage image, Article to, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(to);
        if (ReferenceEquals(image.Article, to))
        {
            throw new DomainException("这张图片已经是这篇文章的了。");
        }

        var from = image.Article;
        work.Restructure([from, to], by, $"把图片从《{DoubtChecks.Excerpt(from.Headline, 12)}》移到《{DoubtChecks.Excerpt(to.Headline, 12)}》", () =>
        {
            work.Edition.MoveImage(image, to);
            to.MarkChecked();
        });
        return $"图片已归到《{DoubtChecks.Excerpt(to.Headline, 16)}》。";
    }

    /// <summary>Moves or re-crops <paramref name="image"/> to <paramref name="polygon"/>.</summary>
    public static string Reframe(EditionWork work, ArticleImage image, Polygon polygon, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(polygon);
        if (polygon.Area < 0.0002)
        {
            throw new DomainException("图片框太小了：请拖出图片的整个范围。");
        }

        work.Restructure([image.Article], by, $"调整了《{DoubtChecks.Excerpt(image.Article.Headline, 12)}》的图片范围", () =>
        {
            image.Reframe(polygon);
            image.Article.MarkChecked();
        });
        return "图片范围已保存。";
    }

    /// <summary>Pulls the photo's frame in until no printed line but its own caption lies inside it.</summary>
    public static string Trim(EditionWork work, PageAnalysis page, ArticleImage image, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(image);
        var box = Trimmed(page, image) ?? throw new DomainException("图片框里没有别的文字，不用裁。");
        work.Restructure([image.Article], by, $"裁掉了《{DoubtChecks.Excerpt(image.Article.Headline, 12)}》图片框里的文字", () =>
        {
            image.Reframe(box.ToPolygon());
            image.Article.MarkChecked();
        });
        return "图片框已收紧，框里不再有文字。";
    }

    /// <summary>The printed lines inside a photo's frame that are not its caption: text the frame took in by mistake.</summary>
    public static IReadOnlyList<int> TextInside(PageAnalysis page, ArticleImage image)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(image);
        var frame = Box.Of(image.Polygon);
        var captions = CaptionLines(page, image).ToHashSet();
        return [.. Enumerable.Range(0, page.Text.Lines.Count)
            .Where(i => !captions.Contains(i) && frame.Contains(page.Text.Lines[i].CenterX, page.Text.Lines[i].CenterY))];
    }

    /// <summary>
    /// The photo's frame pulled in, edge by edge, past every line inside it that is not its caption (each line is
    /// left out by moving the nearest edge); null when no line is inside, or when what is left would be under half.
    /// </summary>
    public static Box? Trimmed(PageAnalysis page, ArticleImage image)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(image);
        var inside = TextInside(page, image);
        if (inside.Count == 0)
        {
            return null;
        }

        var original = Box.Of(image.Polygon);
        var box = original;
        foreach (var line in inside.Select(i => Box.Of(page.Text.Lines[i])).OrderBy(b => Math.Min(b.Left - original.Left, original.Right - b.Right)))
        {
            if (box.Overlap(line) <= 0)
            {
                continue;
            }

            // Keep the most of the frame: cut along whichever side loses the least.
            Box[] options =
            [
                box with { Left = Math.Max(box.Left, line.Right) },
                box with { Right = Math.Min(box.Right, line.Left) },
                box with { Top = Math.Max(box.Top, line.Bottom) },
                box with { Bottom = Math.Min(box.Bottom, line.Top) },
            ];
            box = options.Where(o => o.Width > 0 && o.Height > 0).MaxBy(o => o.Area);
        }

        return box.Area >= 0.5 * original.Area && box != original ? box : null;
    }

    private static IEnumerable<int> CaptionLines(PageAnalysis page, ArticleImage image)
    {
        var owner = image.Article;
        var index = owner.Images.OrderBy(x => x.Id).ToList().IndexOf(image);
        return page.LinesOf(owner).Where(i => page.Owners[i]!.Field is TextField.Caption or TextField.Credit
            && page.TextOf(owner).PlaceAt(page.Owners[i]!.Start).Index == index);
    }

    public static string Delete(EditionWork work, ArticleImage image, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(image);
        var article = image.Article;
        work.Restructure([article], by, $"删除了《{DoubtChecks.Excerpt(article.Headline, 12)}》的一张图片", () =>
        {
            article.RemoveImage(image);
            article.MarkChecked();
        });
        return $"已删除图片。";
    }

    private static string Headline(string? caption)
    {
        if (string.IsNullOrWhiteSpace(caption))
        {
            return "图片新闻";
        }

        var end = caption.IndexOfAny(['。', '！', '？', '：', '.', '!', '?', ' ', '\u3000']);
        var first = (end > 0 ? caption[..end] : caption).Trim();
        return first.Length is > 0 and <= 30 ? first : DoubtChecks.Excerpt(caption, 20);
    }
}
