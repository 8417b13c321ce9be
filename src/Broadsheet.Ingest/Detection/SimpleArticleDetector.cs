using Broadsheet.Core.Model;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// The first article detector. In order: leave out the page header and footer (<see cref="PageFurniture"/>);
/// take framed advertisements whole (<see cref="Advertisements"/>); find headlines by type size with their
/// kickers and subheadlines (<see cref="TitleFinder"/>); find photo captions (<see cref="Captions"/>); give
/// the column pieces to headlines (<see cref="BodyAssignment"/>); make each article's paragraphs, byline and
/// photos (<see cref="ArticleAssembler"/>); draw the regions once all are known (<see cref="Regions"/>).
/// Each step is its own small class so a better detector can replace one at a time.
/// </summary>
internal sealed class SimpleArticleDetector : IArticleDetector
{
    public IReadOnlyList<DetectedArticle> Detect(PageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.IsUnreadable)
        {
            // Garbage in a font without a usable Unicode map is never article text; with no articles the page is
            // marked for review.
            return [];
        }

        if (VerticalPage.IsVertical(layout))
        {
            // The page's header and footer run across it even where its text runs down; they go before it is turned.
            var (top, bottom) = PageFurniture.ContentBand(layout);
            var content = layout with { Lines = [.. layout.Lines.Where(l => l.Box.Top >= top - 0.5 && l.Box.Bottom <= bottom + 0.5)] };
            return [.. DetectAsPrinted(VerticalPage.Turn(content)).Select(a => VerticalPage.TurnBack(a, layout.Width))];
        }

        return DetectAsPrinted(layout);
    }

    /// <summary>The articles of a page whose text runs across (a vertical page comes here turned).</summary>
    private static IReadOnlyList<DetectedArticle> DetectAsPrinted(PageLayout layout)
    {
        layout = layout with
        {
            Rules = Decorations.Separators(layout.Rules, layout.Lines),
            Images = Decorations.Pictures(layout.Images, layout.Lines, FontSizes.Of(layout.Lines)),
        };
        var (top, bottom) = PageFurniture.ContentBand(layout);

        var lines = layout.Lines.Where(l => l.Box.Top >= top - 0.5 && l.Box.Bottom <= bottom + 0.5).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var images = layout.Images.Where(i => i.Box.CenterY >= top && i.Box.CenterY <= bottom).ToList();
        var advertisements = new List<DetectedArticle>();
        foreach (var frame in lines.Where(Advertisements.IsTag).Select(t => Advertisements.FrameOf(t, layout.Rules)).OfType<PageBox>().ToList())
        {
            var inside = lines.Where(l => Advertisements.Inside(frame, l.Box)).ToList();
            var pictures = images.Where(i => Advertisements.Inside(frame, i.Box)).ToList();
            advertisements.Add(Advertisements.Build(frame, [.. inside.Where(l => !Advertisements.IsTag(l))], pictures, layout));
            lines.RemoveAll(inside.Contains);
            images.RemoveAll(pictures.Contains);
        }

        lines.RemoveAll(Advertisements.IsTag);

        // Barcodes and symbol runs are no text; words printed over a picture are the picture's (an advertisement's
        // slogan, a chart's labels), not a story's.
        lines.RemoveAll(Overlays.IsNoise);
        var overlays = Overlays.Of(images, lines);
        lines.RemoveAll(l => overlays.Values.Any(o => o.Contains(l)));
        if (lines.Count == 0)
        {
            return ReadingOrder(advertisements, FontSizes.Of(layout.Lines));
        }

        var sizes = FontSizes.Of(lines);
        var titles = TitleFinder.Find(lines, sizes);
        var taken = new HashSet<TextLine>(titles.SelectMany(t => t.AllLines), ReferenceEqualityComparer.Instance);

        var captions = new Dictionary<PageImage, IReadOnlyList<TextLine>>();
        foreach (var image in images)
        {
            var caption = Captions.Below(image, [.. lines.Where(l => !taken.Contains(l))], titles, sizes);
            captions[image] = caption;
            taken.UnionWith(caption);
        }

        // A photo whose caption opens with a title of its own ("辅警开展专项训练。8月6日，…") is photo news even where it
        // stands at the foot of a story's columns.
        var standalone = images.Where(i => Captions.HasOwnTitle(captions[i])).ToList();
        var assignment = BodyAssignment.Assign(
            titles,
            [.. lines.Where(l => !taken.Contains(l))],
            [.. images.Except(standalone).Select(i => (i, ArticleAssembler.WithCaption(i, captions[i])))],
            layout.Rules,
            sizes);
        var photoNews = assignment.Unowned.Concat(standalone)
            .Where(i => captions[i].Count > 0)
            .Select(i => ArticleAssembler.PhotoNews(i, captions[i], sizes, layout))
            .ToList();

        var loose = new Dictionary<DetectedArticle, int>(ReferenceEqualityComparer.Instance);
        var articles = new List<DetectedArticle>();
        for (var i = 0; i < titles.Count; i++)
        {
            foreach (var article in Assemble(titles[i], assignment.Bodies[i], assignment.Photos[i], captions, sizes, layout))
            {
                loose[article] = assignment.Loose[i];
                articles.Add(article);
            }
        }

        // Running text under no headline at all (a gazette's decrees, a page of notices) is one article, its headline guessed.
        if (titles.Count == 0 && lines.Where(l => !taken.Contains(l)).ToList() is var running && Untitled.Holds(running))
        {
            articles.Add(Untitled.Article(running, sizes, layout));
        }

        // A picture no story took, with words printed over it and no caption, is an advertisement.
        articles.AddRange(photoNews);
        articles.AddRange(assignment.Unowned.Where(i => captions[i].Count == 0 && Overlays.IsSlogan(overlays.GetValueOrDefault(i)))
            .Select(i => Advertisements.Build(i.Box, overlays[i], [i], layout)));
        articles.AddRange(advertisements);

        // Teasers that only point to a page elsewhere ("Nicholas Kristof  PAGE A26") are furniture, not articles.
        articles.RemoveAll(Overlays.IsPromo);
        articles.RemoveAll(Overlays.IsBare);
        var drawn = Regions.Draw(articles, layout, Regions.ContentBottom(layout, bottom), sizes);
        var drawnLoose = new Dictionary<DetectedArticle, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < articles.Count; i++)
        {
            drawnLoose[drawn[i]] = loose.GetValueOrDefault(articles[i]);
        }

        return ReadingOrder(Confidence.Assess(drawn, drawnLoose), sizes);
    }

    /// <summary>A title's article, or the articles of the items under a standing head (see <see cref="Items"/>).</summary>
    private static IEnumerable<DetectedArticle> Assemble(
        TitleBlock title, List<TextLine> body, List<PageImage> photos, Dictionary<PageImage, IReadOnlyList<TextLine>> captions, FontSizes sizes, PageLayout layout)
    {
        var items = Items.Split(title, body);
        if (items.Count == 0)
        {
            yield return ArticleAssembler.Build(title, body, photos, captions, layout.Panels, layout.Rules, sizes, layout);
            yield break;
        }

        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            var text = item.Body.ToList();
            var name = Items.Signature(text, out var signature);
            // The standing head is every item's kicker but is printed over the first only: the others' regions
            // leave it out, or each would reach across the items beside it.
            var head = new TitleBlock(n == 0 ? title.Headline : [], [item.Title], []);
            var article = ArticleAssembler.Build(head, text[..(text.Count - signature)], n == 0 ? photos : [], captions, layout.Panels, layout.Rules, sizes, layout);
            article = n == 0 ? article : article with { Kicker = TitleBlock.JoinText(title.Headline) };
            yield return name is null || article.Byline is not null ? article : article with { Byline = name };
        }
    }

    /// <summary>
    /// Top to bottom by where each article starts (its kicker, or an advertisement's frame, not its
    /// headline); of articles starting level with each other (within two body lines) the page's lead story
    /// (the largest headline) first, as papers list it, then left to right.
    /// </summary>
    private static List<DetectedArticle> ReadingOrder(IEnumerable<DetectedArticle> articles, FontSizes sizes)
    {
        static double Top(DetectedArticle a) => a.Parts.Count > 0 ? a.Parts.Min(p => p.Top) : a.HeadlineBox.Top;
        static double Left(DetectedArticle a) => a.Parts.Count > 0 ? a.Parts.Min(p => p.Left) : a.HeadlineBox.Left;
        var byTop = articles.OrderBy(Top).ToList();
        var lead = byTop.Where(a => a.Kind != ArticleKind.Advertisement).MaxBy(a => a.HeadlineSize);
        var ordered = new List<DetectedArticle>();
        var i = 0;
        while (i < byTop.Count)
        {
            var first = Top(byTop[i]);
            var band = byTop.Skip(i).TakeWhile(a => Top(a) - first <= 2 * sizes.Body).ToList();
            ordered.AddRange(band.OrderBy(a => ReferenceEquals(a, lead) ? 0 : 1).ThenBy(Left));
            i += band.Count;
        }

        return ordered;
    }
}
