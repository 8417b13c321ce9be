namespace Broadsheet.Core.Model;

/// <summary>Where a page's text came from.</summary>
public enum PageTextSource
{
    /// <summary>The PDF's own text layer, checked and found readable.</summary>
    Pdf = 0,

    /// <summary>Read by OCR from the page raster: the PDF had no text layer, or a junk one, or the page came as an image.</summary>
    Ocr = 1,

    /// <summary>No text at all: neither the file nor OCR gave any.</summary>
    None = 2,

    /// <summary>The typesetting system's article data (a manifest or export) gave the text.</summary>
    Supplied = 3,
}

/// <summary>What detection doubts about an article; the desk lists the most doubtful first and words each reason.</summary>
[Flags]
public enum ArticleDoubts
{
    None = 0,

    /// <summary>No headline was printed where detection looked; the headline is a guess (a caption's first sentence, say).</summary>
    HeadlineGuessed = 1 << 0,

    /// <summary>The article has a headline but no body text.</summary>
    NoText = 1 << 1,

    /// <summary>Far longer than articles on the page usually are: perhaps two stories run together.</summary>
    VeryLong = 1 << 2,

    /// <summary>Many one-line paragraphs: a column's lines were not joined.</summary>
    Fragmented = 1 << 3,

    /// <summary>Its region overlaps another article's.</summary>
    Overlaps = 1 << 4,

    /// <summary>Its body was given to it by position alone (no column run from the headline reaches it).</summary>
    LooseBody = 1 << 5,

    /// <summary>Its text was read by OCR.</summary>
    Ocr = 1 << 6,

    /// <summary>A very short body under a headline: perhaps the rest went to a neighbour.</summary>
    Short = 1 << 7,
}

/// <summary>Why a page needs a person to look at it; the desk words each reason.</summary>
[Flags]
public enum PageDoubts
{
    None = 0,

    /// <summary>The page has no text layer (a scan) and OCR did not run or found nothing.</summary>
    NoText = 1 << 0,

    /// <summary>The PDF's text layer is junk (fonts without a usable Unicode map).</summary>
    UnreadableText = 1 << 1,

    /// <summary>The text was read by OCR: check it.</summary>
    Ocr = 1 << 2,

    /// <summary>The page is rotated; articles were not detected.</summary>
    Rotated = 1 << 3,

    /// <summary>Text was found but no articles.</summary>
    NoArticles = 1 << 4,

    /// <summary>Body text on the page belongs to no article.</summary>
    UnclaimedText = 1 << 5,

    /// <summary>At least one article is doubtful.</summary>
    DoubtfulArticles = 1 << 6,

    /// <summary>The PDF had several pages; only the first was imported.</summary>
    ExtraPdfPages = 1 << 7,
}
