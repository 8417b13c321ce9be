using Broadsheet.Core.Model;

namespace Broadsheet.Samples;

/// <summary>
/// What an article detector should find for one article, exactly as the generator printed it.
/// </summary>
/// <remarks>
/// Text fields hold the printed characters verbatim (kickers keep a trailing "——", subheadlines a leading "——").
/// Bylines are lifted out of the body:
/// <list type="bullet">
/// <item>"本报讯（记者 张三 通讯员 李四）正文……" as the body's first line gives <see cref="Dateline"/> "本报讯",
/// <see cref="Byline"/> "记者 张三 通讯员 李四" (the bracket's content) and a first paragraph starting at "正文……".
/// "新华社北京11月1日电（记者 王五）" and "本报滨江11月1日讯（…）" work the same way; "本报讯 正文……" has a dateline and no byline.</item>
/// <item>A byline on its own line, "■通讯员 王五" or "□本报评论员", gives Byline "通讯员 王五" or "本报评论员" (marker dropped)
/// and that line is not a paragraph.</item>
/// <item>On the English page "By Li Wei" on its own line gives Byline "By Li Wei" (a byline reads as printed, only
/// typographic markers such as ■ dropped), and a first paragraph printed as
/// "GENEVA — text" gives Dateline "GENEVA" and a paragraph starting at "text".</item>
/// </list>
/// <see cref="Paragraphs"/> are the body paragraphs in reading order, without the first-line indent, the byline or
/// the jump lines "（转第X版）" / "（上接第X版）"; sub-heads are paragraphs of their own and are also listed in
/// <see cref="Subheads"/>. A brief item is one paragraph: its bold lead, an ideographic space, then its text.
/// Photo news has no paragraphs (its text is the image caption); an advertisement's smaller lines are its paragraphs.
/// Photo captions are never paragraphs. Credits hold the name only: "……。 赵六/摄" gives caption "……。" and credit "赵六".
/// </remarks>
public sealed record TruthArticle
{
    /// <summary>Page label of the page the article starts on and its 1-based position there, e.g. "02-3".</summary>
    public required string Id { get; init; }

    public ArticleKind Kind { get; init; }

    /// <summary>引题, printed above the headline.</summary>
    public string? Kicker { get; init; }

    /// <summary>主题; on several lines when printed so, joined without a break.</summary>
    public required string Headline { get; init; }

    /// <summary>副题, printed below the headline.</summary>
    public string? Subheadline { get; init; }

    public string? Byline { get; init; }

    /// <summary>"本报讯", "新华社北京11月1日电", "GENEVA": the dateline that opened the first paragraph.</summary>
    public string? Dateline { get; init; }

    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>小标题 inside the body, also present in <see cref="Paragraphs"/>.</summary>
    public IReadOnlyList<string> Subheads { get; init; } = [];

    /// <summary>Where the article is printed: one rectilinear polygon per page part, from the top of its kicker or
    /// headline to the bottom of its columns, covering its photos; regions of different articles never overlap.</summary>
    public IReadOnlyList<TruthRegion> Regions { get; init; } = [];

    public IReadOnlyList<TruthImage> Images { get; init; } = [];

    /// <summary>Label of the page the article jumps to ("转第X版"), for an article printed on several pages.</summary>
    public string? ContinuedToPage { get; init; }

    /// <summary>Label of the page the article jumps from ("上接第X版"), for an article printed on several pages.</summary>
    public string? ContinuedFromPage { get; init; }
}

/// <summary>A rectilinear polygon on page <paramref name="PageLabel"/>, normalised to 0..1 with the origin top-left.</summary>
public sealed record TruthRegion(string PageLabel, IReadOnlyList<NormalisedPoint> Points);

/// <summary>A photo (an image XObject in the PDF) with its caption and credit, as on the page.</summary>
public sealed record TruthImage(string PageLabel, IReadOnlyList<NormalisedPoint> Points, string? Caption, string? Credit);
