namespace Broadsheet.Samples;

/// <summary>What sample edition to generate; the same options always give the same edition.</summary>
public sealed record SampleEditionOptions
{
    /// <summary>Seed for layout and text; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Date printed on the pages; default 2026-11-02.</summary>
    public DateOnly Date { get; init; } = new(2026, 11, 2);

    /// <summary>Number of pages, 4 to 16; default 8.</summary>
    public int PageCount { get; init; } = 8;

    /// <summary>The paper's name, printed on the masthead and in page headers; default 滨江日报.</summary>
    public string PublicationName { get; init; } = "滨江日报";

    /// <summary>When true, one inner page (named International) is set in English; default false.</summary>
    public bool IncludeEnglishPage { get; init; }

    /// <summary>Which fonts to embed; default <see cref="SampleFontSet.TrueType"/>.</summary>
    public SampleFontSet Fonts { get; init; } = SampleFontSet.TrueType;

    /// <summary>The running issue number (总第N期); default derived from <see cref="Date"/>.</summary>
    public int? IssueNumber { get; init; }

    /// <summary>
    /// When true, the PDFs carry a quirk of real typesetting systems that leaves the truth unchanged: numbers in body
    /// text are drawn as separate text runs, split inside the number, the second half drawn after everything else on
    /// the page a hair off the baseline, the first ending in a space glyph under the second (as Founder PDFGenerator
    /// writes "5月 1" and "9日" for 5月19日); default false.
    /// </summary>
    public bool Quirks { get; init; }

    /// <summary>
    /// The number of one page (2 or more) whose fonts map every glyph to a private-use code point instead of its
    /// character: the page prints correctly but its text cannot be read back, and its truth file says so
    /// (<see cref="TruthPageInfo.TextUnreadable"/>). Needs <see cref="SampleFontSet.TrueType"/>; default none.
    /// </summary>
    public int? UnmappedFontPage { get; init; }
}

/// <summary>The fonts a sample edition is set in.</summary>
public enum SampleFontSet
{
    /// <summary>
    /// WenQuanYi Micro Hei (sans: headlines, sub-heads, captions) and AR PL UMing (Ming: body text), embedded as
    /// CID TrueType subsets whose ToUnicode maps give back exactly the characters that were set.
    /// </summary>
    TrueType = 0,

    /// <summary>
    /// Noto Sans/Serif CJK (OpenType CFF). SkiaSharp writes these as Type 3 fonts whose ToUnicode maps many common
    /// characters to Kangxi radicals (一 comes back as U+2F00 ⼀): a deliberate quirk real PDFs have too.
    /// </summary>
    NotoCff = 1,
}
