using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Doubts;
using Broadsheet.Web.Desk.Layout;

namespace Broadsheet.Web.Desk.Review;

/// <summary>What printed lines become in the article they are given to.</summary>
internal enum LineRole
{
    Headline,
    Kicker,
    Subheadline,
    Byline,
    Body,
    Caption,
}

/// <summary>
/// The page-first edits of text: printed lines picked on the page are taken from whichever article holds them
/// and given to another as one of its parts, or made into a new article; an article's one-line paragraphs are
/// joined back into the paragraphs the page prints. Each is one structural change (undoable), and the regions
/// follow the text: the receiving article's grows over the lines, the giving one's gives them up.
/// </summary>
internal static class LineEdits
{
    /// <summary>
    /// Gives <paramref name="lines"/> (indices into the page's lines, in the order picked) to <paramref name="target"/>
    /// as <paramref name="role"/>; body text goes before paragraph <paramref name="at"/> (0-based; null appends).
    /// Returns what the desk says it did.
    /// </summary>
    public static string Assign(EditionWork work, PageAnalysis page, IReadOnlyList<int> lines, Article target, LineRole role, int? at, int? imageId, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        var picked = Check(page, lines);
        var owners = picked.Select(i => page.Owners[i]).OfType<LineOwner>().Select(o => o.Article).Distinct().ToList();
        var what = RoleName(role, at);
        var summary = $"把版面上的{picked.Count}行文字给了《{DoubtChecks.Excerpt(target.Headline, 16)}》作{what}";
        work.Restructure(owners.Append(target), by, summary, () =>
        {
            Take(page, picked);
            var texts = picked.Select(i => page.Text.Lines[i]).ToList();
            var joined = LineText.Join(texts.Select(l => l.Text));
            var content = Content(target);
            switch (role)
            {
                case LineRole.Headline:
                    target.Apply(content with { Headline = joined });
                    break;
                case LineRole.Kicker:
                    target.Apply(content with { Kicker = joined });
                    break;
                case LineRole.Subheadline:
                    target.Apply(content with { Subheadline = joined });
                    break;
                case LineRole.Byline:
                    target.Apply(content with { Byline = joined });
                    break;
                case LineRole.Body:
                    target.InsertParagraphs(at ?? target.Paragraphs.Count, page.Text.Paragraphs(InBlockOrder(page, picked)));
                    break;
                case LineRole.Caption:
                    var image = target.Images.FirstOrDefault(i => i.Id == imageId) ?? target.Images.OrderBy(i => i.Id).FirstOrDefault()
                        ?? throw new DomainException($"《{target.Headline}》没有图片，文字没法作图片说明。");
                    image.Describe(joined, image.Credit);
                    break;
            }

            MoveRegions(page, picked, target, owners);
            RemoveEmpty(work.Edition, owners.Where(o => !ReferenceEquals(o, target)));
            target.MarkChecked();
        });
        return $"已把{picked.Count}行文字给了《{DoubtChecks.Excerpt(target.Headline, 16)}》作{what}。";
    }

    /// <summary>
    /// A new article from what lies inside <paramref name="drawn"/> (a region drawn on the page) or from
    /// <paramref name="lines"/> (lines picked on the page, their first block the headline when no line is set larger
    /// than the rest): its lines leave the articles that held them, photos inside the drawn region come with their
    /// captions, and the new article is placed in reading order where its region starts.
    /// </summary>
    public static Article NewArticle(EditionWork work, PageAnalysis page, IReadOnlyList<int> lines, Polygon? drawn, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(page);
        var picked = drawn is null
            ? Check(page, lines)
            : [.. Enumerable.Range(0, page.Text.Lines.Count).Where(i => drawn.Contains(page.Text.Lines[i].CenterX, page.Text.Lines[i].CenterY))];
        var photos = drawn is null ? [] : page.Articles.SelectMany(a => a.Images)
            .Where(i => ReferenceEquals(i.Page, page.Page) || i.PageId == page.Page.Id)
            .Where(i => RegionGrid.Of([drawn]).Covers(Box.Of(i.Polygon)) > 0.6)
            .ToList();
        // Lines that are the caption of a photo coming along stay its caption.
        var moving = photos.ToHashSet();
        picked = [.. picked.Where(i => page.Owners[i] is not { } o || !IsCaptionOf(o, moving))];
        if (picked.Count == 0 && photos.Count == 0)
        {
            throw new DomainException("这里没有文字也没有图片：请把新文章的标题和正文框在里面。");
        }

        var owners = picked.Select(i => page.Owners[i]).OfType<LineOwner>().Select(o => o.Article)
            .Concat(photos.Select(p => p.Article)).Distinct().ToList();
        var (headlineLines, bodyLines) = SplitHeadline(page, picked, drawn is null);
        var area = drawn is not null ? Box.Of(drawn) : Box.Bounding(picked.Select(i => Box.Of(page.Text.Lines[i])));
        var body = page.Text.Paragraphs(InBlockOrder(page, bodyLines));
        var headline = headlineLines.Count > 0
            ? LineText.Join(headlineLines.Select(i => page.Text.Lines[i].Text))
            : FirstSentence(photos.Select(p => p.Caption).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? body.FirstOrDefault()) ?? DoubtChecks.Untitled;
        Article? created = null;
        work.Restructure(owners, by, $"在第{page.Page.Label}版上画出新文章《{DoubtChecks.Excerpt(headline, 16)}》", () =>
        {
            Take(page, picked);
            var kind = photos.Count > 0 && body.Sum(p => p.Length) < 400 ? ArticleKind.PhotoNews : ArticleKind.Story;
            created = work.Edition.InsertArticle(
                new ArticleContent { Headline = headline, Paragraphs = [.. body], Kind = kind, Byline = kind == ArticleKind.PhotoNews ? photos[0].Credit : null },
                Preceding(page, area));
            foreach (var photo in photos)
            {
                work.Edition.MoveImage(photo, created);
            }

            var region = drawn ?? area.Inflate(0.004, 0.003).ToPolygon();
            created.AddRegion(page.Page, region);
            foreach (var owner in owners)
            {
                Subtract(page, owner, RegionGrid.Of([region]));
            }

            RemoveEmpty(work.Edition, owners);
            created.MarkChecked();
        });
        return created!;
    }

    /// <summary>
    /// Joins an article's one-line paragraphs back into the paragraphs the page prints (a new one where a line is
    /// indented or the line before stopped short); paragraphs not found on this page are kept as they are.
    /// False when nothing changed.
    /// </summary>
    public static bool JoinLines(EditionWork work, PageAnalysis page, Article article, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(article);
        var joined = Reflow(page, article);
        if (joined.SequenceEqual(article.Paragraphs, StringComparer.Ordinal))
        {
            return false;
        }

        work.Restructure([article], by, $"合并了碎行（{article.Paragraphs.Count}段成了{joined.Count}段）", () =>
        {
            article.Apply(Content(article) with { Paragraphs = Paragraph.Carry(article.Body, joined) });
            article.MarkChecked();
        });
        return true;
    }

    public static IReadOnlyList<string> Reflow(PageAnalysis page, Article article)
    {
        var text = page.TextOf(article);
        var byParagraph = page.LinesOf(article)
            .Select(i => (Line: i, Place: text.PlaceAt(page.Owners[i]!.Start), Length: page.Owners[i]!.Length))
            .Where(x => x.Place.Field == TextField.Paragraph)
            .GroupBy(x => x.Place.Index)
            .ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<string>();
        var run = new List<int>();
        void Flush()
        {
            if (run.Count > 0)
            {
                result.AddRange(page.Text.Paragraphs(run));
                run.Clear();
            }
        }

        for (var p = 0; p < article.Paragraphs.Count; p++)
        {
            var found = byParagraph.GetValueOrDefault(p) ?? [];
            if (found.Sum(x => x.Length) >= 0.9 * Math.Max(1, text.ParagraphLength(p)))
            {
                run.AddRange(found.Select(x => x.Line));
                continue;
            }

            Flush();
            result.Add(article.Paragraphs[p]);
        }

        Flush();
        return byParagraph.Count == 0 ? JoinByText(article.Paragraphs) : result;
    }

    /// <summary>Without the page's lines: a paragraph that does not end a sentence runs on into the next.</summary>
    private static List<string> JoinByText(IReadOnlyList<string> paragraphs)
    {
        var result = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            if (result.Count > 0 && !EndsSentence(result[^1]))
            {
                result[^1] = LineText.Join([result[^1], paragraph]);
            }
            else
            {
                result.Add(paragraph);
            }
        }

        return result;
    }

    private static bool EndsSentence(string text) => text.TrimEnd() is { Length: > 0 } t && "。！？!?…”」』）)\".:：".Contains(t[^1], StringComparison.Ordinal);

    private static List<int> Check(PageAnalysis page, IReadOnlyList<int> lines)
    {
        if (lines is not { Count: > 0 })
        {
            throw new DomainException("先在版面上选中文字行。");
        }

        if (lines.Any(i => i < 0 || i >= page.Text.Lines.Count))
        {
            throw new DomainException("选中的文字行不在这一版上；请重新打开本页再选。");
        }

        return [.. lines.Distinct()];
    }

    /// <summary>Takes the lines' text out of whatever articles hold it now.</summary>
    private static void Take(PageAnalysis page, IReadOnlyList<int> lines)
    {
        foreach (var group in lines.Select(i => page.Owners[i]).OfType<LineOwner>().GroupBy(o => o.Text))
        {
            group.Key.Remove(group.Select(o => (o.Start, o.Length)), DoubtChecks.Untitled);
        }
    }

    /// <summary>The lines block by block (blocks in the order first picked), each block's lines top to bottom.</summary>
    private static List<int> InBlockOrder(PageAnalysis page, IReadOnlyList<int> lines)
    {
        var blocks = lines.Select(i => page.Text.BlockOf[i]).Distinct().ToList();
        return [.. blocks.SelectMany(b => page.Text.Blocks[b].Lines.Where(lines.Contains))];
    }

    private static (List<int> Headline, List<int> Body) SplitHeadline(PageAnalysis page, List<int> picked, bool firstBlockIsHeadline)
    {
        if (picked.Count == 0)
        {
            return ([], []);
        }

        var sizes = picked.Select(i => page.Text.Lines[i].Size).Order().ToList();
        var median = sizes[sizes.Count / 2];
        var largest = sizes[^1];
        if (largest >= 1.25 * median)
        {
            var headline = picked.Where(i => page.Text.Lines[i].Size >= 0.9 * largest).ToList();
            return (headline, [.. picked.Except(headline)]);
        }

        // Lines picked for a new article open with its headline; so does a region drawn around a short first block
        // that reads as a title (a line or two, no sentence's end).
        var firstBlock = page.Text.BlockOf[picked.OrderBy(i => page.Text.Lines[i].Top).ThenBy(i => page.Text.Lines[i].Left).First()];
        var opening = picked.Where(i => page.Text.BlockOf[i] == firstBlock).ToList();
        var openingText = LineText.Join(opening.Select(i => page.Text.Lines[i].Text));
        if (firstBlockIsHeadline || (opening.Count <= 2 && opening.Count < picked.Count && openingText.Length <= 30 && !EndsSentence(openingText)))
        {
            return (opening, [.. picked.Except(opening)]);
        }

        return ([], picked);
    }

    private static string? FirstSentence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var end = text.IndexOfAny(['。', '！', '？', '：', '.', '!', '?']);
        var sentence = (end > 0 ? text[..end] : text).Trim();
        return sentence.Length is > 0 and <= 30 ? sentence : null;
    }

    private static bool IsCaptionOf(LineOwner owner, HashSet<ArticleImage> photos) =>
        owner.Field is TextField.Caption or TextField.Credit
        && owner.Article.Images.OrderBy(i => i.Id).ElementAtOrDefault(owner.Text.PlaceAt(owner.Start).Index) is { } image
        && photos.Contains(image);

    /// <summary>The article on the page the new one follows in reading order: the last one that starts above it.</summary>
    private static Article? Preceding(PageAnalysis page, Box area)
    {
        var above = page.Articles.Where(a => page.Where(a) is { } w && w.Top <= area.Top + 0.005).ToList();
        if (above.Count > 0)
        {
            return above.MaxBy(a => a.Order);
        }

        var first = page.Articles.MinBy(a => a.Order);
        return first is null ? page.Edition.Articles.MaxBy(a => a.Order) : page.Edition.Articles.Where(a => a.Order < first.Order).MaxBy(a => a.Order);
    }

    /// <summary>The receiving article's region grows over the picked lines; the giving articles' give them up.</summary>
    private static void MoveRegions(PageAnalysis page, IReadOnlyList<int> lines, Article target, IReadOnlyList<Article> owners)
    {
        var boxes = lines.GroupBy(i => page.Text.BlockOf[i])
            .Select(g => Box.Bounding(g.Select(i => Box.Of(page.Text.Lines[i]))))
            .Select(b => b.Inflate(0.003, 0.002))
            .ToList();
        var taken = new RegionGrid();
        foreach (var box in boxes)
        {
            taken.Add(box);
        }

        foreach (var owner in owners.Where(o => !ReferenceEquals(o, target)))
        {
            Subtract(page, owner, taken);
        }

        var grid = RegionGrid.Of(page.RegionsOf(target));
        if (boxes.All(b => grid.Covers(b) > 0.9))
        {
            return;
        }

        foreach (var box in boxes)
        {
            grid.Add(box);
        }

        target.ReplaceRegions(page.Page, grid.ToPolygons());
    }

    public static void Subtract(PageAnalysis page, Article owner, RegionGrid taken)
    {
        var grid = RegionGrid.Of(page.RegionsOf(owner));
        if (grid.Overlap(taken) < 1e-5)
        {
            return;
        }

        grid.Subtract(taken);
        owner.ReplaceRegions(page.Page, grid.ToPolygons());
    }

    /// <summary>Articles the change left with nothing in them leave the edition.</summary>
    public static void RemoveEmpty(Edition edition, IEnumerable<Article> articles)
    {
        foreach (var article in articles.Where(a => edition.Articles.Contains(a)).ToList())
        {
            var untitled = string.Equals(article.Headline, DoubtChecks.Untitled, StringComparison.Ordinal);
            if (untitled && article.Paragraphs.Count == 0 && article.Images.Count == 0 && article.Kicker is null && article.Subheadline is null && article.Byline is null)
            {
                edition.DeleteArticle(article);
            }
        }
    }

    public static ArticleContent Content(Article article) => new()
    {
        Kicker = article.Kicker,
        Headline = article.Headline,
        Subheadline = article.Subheadline,
        Byline = article.Byline,
        Paragraphs = [.. article.Body],
        Kind = article.Kind,
    };

    public static string RoleName(LineRole role, int? at) => role switch
    {
        LineRole.Headline => "主题",
        LineRole.Kicker => "引题",
        LineRole.Subheadline => "副题",
        LineRole.Byline => "作者",
        LineRole.Caption => "图片说明",
        _ => at is 0 ? "正文开头" : at is null ? "正文末尾" : $"正文第{at + 1}段前",
    };
}
