using System.Globalization;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Import;

/// <summary>
/// The limits of <see cref="IngestOptions"/> as each stage checks them, and the one line that names the limit a
/// file went past (with the setting that raises it), so an operator can tell a hostile file from a big one.
/// </summary>
internal sealed class ImportBudget(IngestOptions options)
{
    private const string Prefix = "Broadsheet:Ingest:";

    public int MaxPages => options.MaxPages;

    /// <summary>Wall time of one page's processing.</summary>
    public TimeSpan PageTime => TimeSpan.FromSeconds(options.PageSeconds);

    /// <summary>Wall time of a page that is read by OCR.</summary>
    public TimeSpan OcrPageTime => PageTime + TimeSpan.FromSeconds(options.OcrPageSeconds);

    /// <summary>What a native tool working on one page may use.</summary>
    public ToolLimits Tool => new(PageTime, (long)options.PageMemoryMegabytes << 20);

    public PdfPageBudget Pdf => new(options.MaxStreamBytes, options.MaxPageBytes, options.MaxImagePixels, Tool);

    public string PageTooSlow(bool ocr = false) => ocr
        ? Invariant($"the page took longer than the {options.PageSeconds + options.OcrPageSeconds} s a page read by OCR may take ({Prefix}{nameof(IngestOptions.PageSeconds)} + {Prefix}{nameof(IngestOptions.OcrPageSeconds)})")
        : Invariant($"the page took longer than the {options.PageSeconds} s a page may take ({Prefix}{nameof(IngestOptions.PageSeconds)})");

    /// <summary>Why the sanitiser refused a PDF, in words (the caller puts the file's name first).</summary>
    /// <param name="refusal">What the sanitiser said.</param>
    /// <param name="pageNumber">The page of the PDF that was asked for.</param>
    public string Describe(PdfRefusedException refusal, int pageNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Reason switch
        {
            PdfRefusal.Encrypted => "the PDF is encrypted; export it again without a password",
            PdfRefusal.NoPages => "the PDF has no pages",
            PdfRefusal.NoSuchPage => Invariant($"the PDF has {refusal.Value} pages; there is no page {pageNumber}"),
            PdfRefusal.ContentMissing => "the PDF is truncated or corrupt (the page's content stream is missing)",
            PdfRefusal.StreamTooLarge => Invariant(
                $"a stream on the page decodes to {Megabytes(refusal.Value)} MB, more than the {Megabytes(options.MaxStreamBytes)} MB allowed ({Prefix}{nameof(IngestOptions.MaxStreamBytes)})"),
            PdfRefusal.PageTooLarge => Invariant(
                $"the page's streams decode to more than the {Megabytes(options.MaxPageBytes)} MB a page may ({Prefix}{nameof(IngestOptions.MaxPageBytes)})"),
            PdfRefusal.ImageTooLarge => Invariant(
                $"an image on the page has {refusal.Value / 1e6:0} megapixels, more than the {options.MaxImagePixels / 1e6:0.#} allowed ({Prefix}{nameof(IngestOptions.MaxImagePixels)})"),
            PdfRefusal.CompressionBomb => Invariant(
                $"a stream on the page is a compression bomb: it inflates to over 200 times its size, past the {Megabytes(options.MaxStreamBytes)} MB allowed ({Prefix}{nameof(IngestOptions.MaxStreamBytes)})"),
            PdfRefusal.OutOfMemory => Invariant(
                $"reading the page needed more than the {options.PageMemoryMegabytes} MB of memory a page may use ({Prefix}{nameof(IngestOptions.PageMemoryMegabytes)})"),
            PdfRefusal.OutOfTime => Invariant(
                $"reading the page took longer than the {options.PageSeconds} s a page may take ({Prefix}{nameof(IngestOptions.PageSeconds)})"),
            _ => $"the PDF is truncated or corrupt ({refusal.Detail ?? "it does not open"})",
        };
    }

    /// <summary>Refuses a page whose content would cost the text reader more than the budget allows.</summary>
    /// <exception cref="ImportException">The page draws too much content or text, or its forms draw themselves.</exception>
    public void Check(string file, PageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Cycle)
        {
            throw new ImportException(Invariant($"{file}: a form on the page draws itself, or forms nest deeper than {PageContent.MaxDepth}; the page cannot be read"));
        }

        if (content.ContentBytes > options.MaxPageContentBytes)
        {
            throw new ImportException(Invariant(
                $"{file}: the page draws {Megabytes(content.ContentBytes)} MB of content (forms counted each time drawn), more than the {Megabytes(options.MaxPageContentBytes)} MB allowed ({Prefix}{nameof(IngestOptions.MaxPageContentBytes)})"));
        }

        if (content.TextBytes > options.MaxPageTextBytes)
        {
            throw new ImportException(Invariant(
                $"{file}: the page shows {content.TextBytes} bytes of text (forms counted each time drawn), more than the {options.MaxPageTextBytes} allowed ({Prefix}{nameof(IngestOptions.MaxPageTextBytes)})"));
        }
    }

    private static string Megabytes(long bytes) => bytes >= long.MaxValue / 2
        ? "over 10^12"
        : (bytes / 1048576.0).ToString(bytes < 10 << 20 ? "0.#" : "0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
