using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Ingest;

/// <summary>Settings of the import pipeline.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section hosts bind these from.</summary>
    public const string Section = "Broadsheet:Ingest";

    /// <summary>Width in pixels of the master page image rendered from each PDF. Default 2000.</summary>
    [Range(200, 12000)]
    public int RasterWidth { get; set; } = 2000;

    /// <summary>Most bytes a zip package may unpack to. Default 2 GiB.</summary>
    [Range(1024L, long.MaxValue)]
    public long MaxPackageBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most entries a zip package may hold. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxPackageEntries { get; set; } = 10_000;

    /// <summary>
    /// Most pixels a page image may have, checked from its header before it is decoded (a PNG that claims
    /// 100,000 x 100,000 pixels is refused unread); also bounds the master rendered from a PDF page. Default
    /// 250 million: a broadsheet page scanned at 600 dpi has about 125 million.
    /// </summary>
    [Range(1_000_000L, 4_000_000_000L)]
    public long MaxImagePixels { get; set; } = 250_000_000;

    /// <summary>Most pages an edition may have, counted before any is read. Default 500.</summary>
    [Range(1, 100_000)]
    public int MaxPages { get; set; } = 500;

    /// <summary>
    /// Most bytes any one stream of a PDF page (its content, a form, a font, a CMap) may decode to; images are
    /// bounded by <see cref="MaxImagePixels"/> instead. Default 32 MiB: a real page's largest is a font or its
    /// content, at most a few megabytes.
    /// </summary>
    [Range(1024L, long.MaxValue)]
    public long MaxStreamBytes { get; set; } = 32L << 20;

    /// <summary>Most bytes all streams of one PDF page may decode to together, images aside. Default 64 MiB.</summary>
    [Range(1024L, long.MaxValue)]
    public long MaxPageBytes { get; set; } = 64L << 20;

    /// <summary>
    /// Most content one page may draw for the text reader: its content streams plus every form XObject as many
    /// times as it is drawn. Default 6 MiB (the densest real page measured draws 1.8 MB; PdfPig holds about
    /// 70 bytes per byte of path content).
    /// </summary>
    [Range(1024L, long.MaxValue)]
    public long MaxPageContentBytes { get; set; } = 6L << 20;

    /// <summary>
    /// Most bytes of text one page may show (string operands, forms counted as often as drawn), which is what
    /// the text reader's memory grows with: about 1.4 KB per glyph. Default 300,000 (the densest real page
    /// measured shows 45,000).
    /// </summary>
    [Range(1024L, long.MaxValue)]
    public long MaxPageTextBytes { get; set; } = 300_000;

    /// <summary>Wall time one page may take from validation to stored images, in seconds. Default 120.</summary>
    [Range(1, 86_400)]
    public int PageSeconds { get; set; } = 120;

    /// <summary>
    /// Whether a page without a usable text layer (a scan, a page image, fonts that map to junk) is read by OCR from its
    /// raster, in the publication's language. Default true; without it such a page is published without articles and
    /// flagged for the desk.
    /// </summary>
    public bool Ocr { get; set; } = true;

    /// <summary>Wall time a page read by OCR may take on top of <see cref="PageSeconds"/>, in seconds. Default 300.</summary>
    [Range(1, 86_400)]
    public int OcrPageSeconds { get; set; } = 300;

    /// <summary>
    /// Memory each native tool working on a page (sanitiser, renderer) may map, in MiB: a page past it is refused,
    /// the importer's process untouched. Default 1024.
    /// </summary>
    [Range(64, 1_048_576)]
    public int PageMemoryMegabytes { get; set; } = 1024;

    /// <summary>Pages processed at once; 0 (the default) means one per processor.</summary>
    [Range(0, 256)]
    public int MaxParallelism { get; set; }
}
