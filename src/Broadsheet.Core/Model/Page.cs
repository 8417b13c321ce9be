namespace Broadsheet.Core.Model;

/// <summary>Physical size of a page in PDF points (1/72 inch).</summary>
public readonly record struct PageSize(double Width, double Height)
{
    /// <summary>
    /// How many times a page may be as tall as it is wide, or as wide as tall. A centre-fold strip is about 2.5;
    /// past 8, a page 2000 px wide would be taller than a WebP image can be (16,383 px).
    /// </summary>
    public const double MaxAspect = 8;

    public bool IsValid => Width is > 0 and < 14400 && Height is > 0 and < 14400;

    /// <summary>The longer side over the shorter.</summary>
    public double Aspect => Math.Max(Width / Height, Height / Width);
}

/// <summary>A printed page of an edition, with its image and PDF in the blob store.</summary>
public sealed class Page
{
    private Page()
    {
        Label = "";
        Name = "";
    }

    internal Page(Edition edition, string label, int order, string name, PageSize size)
    {
        if (!size.IsValid)
        {
            throw new DomainException($"Page {label} has an impossible size of {size.Width:0}x{size.Height:0} points.");
        }

        Edition = edition;
        Label = label;
        Order = order;
        Name = name ?? "";
        WidthPt = size.Width;
        HeightPt = size.Height;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public Edition Edition { get; private set; } = null!;

    /// <summary>The page label as printed: 01, A01 …; unique within an edition.</summary>
    public string Label { get; private set; }

    /// <summary>1-based position in the edition.</summary>
    public int Order { get; private set; }

    /// <summary>The page's name, e.g. 头版, 要闻, 平安贵阳.</summary>
    public string Name { get; set; }

    /// <summary>The section the page belongs to (A, B …), when the paper has sections.</summary>
    public string? Section { get; set; }

    public double WidthPt { get; private set; }

    public double HeightPt { get; private set; }

    public PageSize Size => new(WidthPt, HeightPt);

    /// <summary>Blob key of the page image (the master raster).</summary>
    public string? ImageKey { get; set; }

    public int ImageWidth { get; set; }

    public int ImageHeight { get; set; }

    /// <summary>
    /// Key prefix of the reader's images made from the master: <c>{prefix}/thumb.webp</c>, <c>page.jpg</c>,
    /// <c>large.jpg</c> and so on (sizes thumb, page, large; formats jpg, and webp for thumb and page). Null when none were made.
    /// </summary>
    public string? DerivativesKey { get; set; }

    /// <summary>Blob key of the page's PDF.</summary>
    public string? PdfKey { get; set; }

    /// <summary>Set when ingest could not read the page's text reliably; a person should look at it.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>Where the page's text came from.</summary>
    public PageTextSource TextSource { get; set; }

    /// <summary>Why the page needs a person to look at it (none when detection had no doubts).</summary>
    public PageDoubts Doubts { get; set; }

    /// <summary>A person has looked the page over: its doubts, and the desk's own page checks, no longer list it.</summary>
    public bool Checked { get; private set; }

    /// <summary>Records that a person has looked the page over.</summary>
    public void MarkChecked() => Checked = true;
}
