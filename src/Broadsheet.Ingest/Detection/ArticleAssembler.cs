using Broadsheet.Core.Model;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Makes a <see cref="DetectedArticle"/> of a title and what was assigned to it: paragraphs in reading order,
/// jump lines, dateline and byline lifted off, photos with captions, the kind, and the parts its region is drawn around.
/// </summary>
internal static class ArticleAssembler
{
    public static DetectedArticle Build(
        TitleBlock title,
        List<TextLine> body,
        List<PageImage> photos,
        Dictionary<PageImage, IReadOnlyList<TextLine>> captions,
        IReadOnlyList<PagePanel> panels,
        IReadOnlyList<PageRule> rules,
        FontSizes sizes,
        PageLayout layout)
    {
        var standfirst = title.Subheadline.Count == 0 && title.Inset.Count == 0
            ? Standfirsts.Take(body, [.. photos.Select(p => p.Box)], sizes)
            : ([], body);
        body = standfirst.Others;
        var columns = Columns.Of(body);

        // Jump lines are set on lines of their own, usually first or last but not always in reading order.
        var read = Paragraphs.ReadWithSubheads(columns, [.. photos.Select(p => WithCaption(p, captions[p]))]);
        var paragraphs = read.Paragraphs.ToList();
        var continuedFrom = paragraphs.Select(Continuations.From).FirstOrDefault(l => l is not null);
        var continuedTo = paragraphs.Select(Continuations.To).LastOrDefault(l => l is not null);
        paragraphs = [.. paragraphs.Select(Continuations.Strip)];

        // A headline set on two lines is joined as it reads; where the break took the space between two phrases
        // the PDF no longer has it, and guessing one in is wrong as often as right, so none is added.
        var headline = TitleBlock.JoinText(title.Headline);
        var lifted = Bylines.LiftEnd(Bylines.Lift([.. paragraphs.Where(p => p.Length > 0)]));
        var authors = photos.Select(p => Standfirsts.AuthorName(captions[p])).OfType<string>().ToList();
        if (lifted.Byline is null && authors.Count > 0)
        {
            lifted = lifted with { Byline = string.Join(", ", authors) };
        }

        var titleBox = SpanColumns(title.Box, columns, sizes);
        if (panels.FirstOrDefault(p => p.Box.Left <= title.Box.CenterX && p.Box.Right >= title.Box.CenterX
            && p.Box.Top <= title.Box.CenterY && p.Box.Bottom >= title.Box.CenterY && p.Box.Height <= 3 * title.Box.Height) is { } bar)
        {
            // A section head printed on a bar: the bar is the head of the module.
            titleBox = titleBox.Union(bar.Box);
        }

        if (rules.FirstOrDefault(r => r.IsHorizontal && r.Box.Left <= title.Box.CenterX && r.Box.Right >= title.Box.CenterX
            && r.Box.Top >= title.Box.Bottom - 1 && r.Box.Top - title.Box.Bottom <= 0.75 * title.Box.Height) is { } underline)
        {
            // A section head ruled off underneath ("简讯"): the rule is as wide as the module.
            titleBox = titleBox with { Left = Math.Min(titleBox.Left, underline.Box.Left), Right = Math.Max(titleBox.Right, underline.Box.Right) };
        }

        // The title's part reaches up to its first line's full em, where the typesetter's frame starts.
        var boxes = new List<PageBox> { titleBox with { Top = titleBox.Top - (0.12 * title.Lines.First().FontSize) } };
        boxes.AddRange(columns.Select(c => c.Box));
        boxes.AddRange(title.Inset.Concat(standfirst.Standfirst).Select(l => l.Box));
        var images = new List<DetectedImage>();
        var lines = new List<ArticleLine>();
        lines.AddRange(Lines(ArticleLineRole.Kicker, title.Kicker, layout));
        lines.AddRange(Lines(ArticleLineRole.Headline, title.Headline, layout));
        lines.AddRange(Lines(ArticleLineRole.Subheadline, title.Subheadline.Concat(title.Inset).Concat(standfirst.Standfirst), layout));
        lines.AddRange(Lines(ArticleLineRole.Body, columns.SelectMany(c => c.Lines), layout));
        foreach (var photo in photos)
        {
            var caption = captions[photo];
            lines.AddRange(Lines(ArticleLineRole.Caption, caption, layout));
            boxes.Add(WithCaption(photo, caption));
            var (captionText, credit) = Captions.Split(TitleBlock.JoinText(caption));
            images.Add(new DetectedImage(Normalise(photo.Box, layout), captionText, credit));
        }

        var kicker = Blank(TitleBlock.JoinText(title.Kicker));
        var subheadline = Blank(TitleBlock.JoinDeck(title.Subheadline.Concat(title.Inset).Concat(standfirst.Standfirst)));
        var article = new DetectedArticle
        {
            Kicker = kicker,
            Headline = headline,
            Kind = Kinds.OfTitle(headline, kicker, subheadline),
            Subheadline = subheadline,
            Byline = lifted.Byline,
            Dateline = lifted.Dateline,
            Paragraphs = lifted.Paragraphs,
            Subheads = [.. read.Subheads.Select(Continuations.Strip).Where(lifted.Paragraphs.Contains)],
            Parts = boxes,
            Images = images,
            ContinuedTo = continuedTo,
            ContinuedFrom = continuedFrom,
            HeadlineBox = title.HeadlineBox,
            HeadlineSize = title.HeadlineSize,
            Lines = lines,
        };

        return article.Paragraphs.Count == 0 && images.Any(i => i.Caption is not null)
            ? article with { Kind = ArticleKind.PhotoNews }
            : article;
    }

    /// <summary>
    /// A headline is set over the columns its story runs in, often centred or shorter than them; its part
    /// of the region spans the columns that start right under it, so the region is the article's block
    /// rather than a stepped outline.
    /// </summary>
    private static PageBox SpanColumns(PageBox title, IReadOnlyList<TextColumn> columns, FontSizes sizes)
    {
        var under = columns.Where(c => c.Box.Top >= title.Top && c.Box.Top - title.Bottom <= 4 * sizes.Body).ToList();
        return under.Count == 0
            ? title
            : title with { Left = Math.Min(title.Left, under.Min(c => c.Left)), Right = Math.Max(title.Right, under.Max(c => c.Right)) };
    }

    /// <summary>A captioned photo with no headline over it is photo news (图片新闻); its caption's first sentence titles it.</summary>
    public static DetectedArticle PhotoNews(PageImage image, IReadOnlyList<TextLine> caption, FontSizes sizes, PageLayout layout)
    {
        var (text, credit) = Captions.Split(TitleBlock.JoinText(caption));
        var boxes = new List<PageBox> { WithCaption(image, caption) };
        return new DetectedArticle
        {
            HeadlineGuessed = !Captions.HasOwnTitle(caption),
            Headline = FirstSentence(text ?? credit ?? "图片新闻"),
            Byline = credit,
            Kind = ArticleKind.PhotoNews,
            Parts = boxes,
            Images = [new DetectedImage(Normalise(image.Box, layout), text, credit)],
            HeadlineBox = image.Box,
            Lines = [.. Lines(ArticleLineRole.Caption, caption, layout)],
        };
    }

    /// <summary>Printed lines with their boxes normalised to the page.</summary>
    public static IEnumerable<ArticleLine> Lines(ArticleLineRole role, IEnumerable<TextLine> lines, PageLayout layout) =>
        lines.Select(l => new ArticleLine(role, l.Text.Trim(' '), Normalise(l.Box, layout)));

    /// <summary>A photo and the caption under it, as wide as the photo.</summary>
    public static PageBox WithCaption(PageImage image, IReadOnlyList<TextLine> caption) =>
        caption.Count == 0 ? image.Box : image.Box with { Bottom = Math.Max(image.Box.Bottom, caption.Max(l => l.Box.Bottom)) };

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['。', '！', '？', '；']);
        var sentence = end > 0 ? text[..end] : text;
        return sentence.Length <= 40 ? sentence : sentence[..40] + "…";
    }

    private static Polygon Normalise(PageBox box, PageLayout layout) => Polygon.Rectangle(
        Math.Clamp(box.Left / layout.Width, 0, 1),
        Math.Clamp(box.Top / layout.Height, 0, 1),
        Math.Clamp(box.Right / layout.Width, 0, 1),
        Math.Clamp(box.Bottom / layout.Height, 0, 1));

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
