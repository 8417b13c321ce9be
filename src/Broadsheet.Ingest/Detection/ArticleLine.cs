using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Detection;

/// <summary>Which part of an article a printed line belongs to.</summary>
internal enum ArticleLineRole
{
    /// <summary>引题, above the headline.</summary>
    Kicker,

    /// <summary>主题.</summary>
    Headline,

    /// <summary>副题, below the headline.</summary>
    Subheadline,

    /// <summary>
    /// The body as printed, in reading order: including the byline and dateline where they are printed (on a line
    /// of their own or opening the first paragraph), sub-heads and jump lines ("（转第3版）").
    /// </summary>
    Body,

    /// <summary>A photo's caption and credit.</summary>
    Caption,
}

/// <summary>
/// One printed line of an article, where it is on the page, so a search hit can be marked on the page image.
/// </summary>
/// <param name="Role">The part of the article the line is printed in.</param>
/// <param name="Text">The line's text as read (folded, spaces as printed, no trailing spaces).</param>
/// <param name="Box">The line's box, normalised to 0..1 of the page with the origin top-left: an em high, as wide as its characters.</param>
internal sealed record ArticleLine(ArticleLineRole Role, string Text, Polygon Box);
