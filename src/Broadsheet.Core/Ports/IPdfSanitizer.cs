namespace Broadsheet.Core.Ports;

/// <summary>How much one PDF page may decode to, checked before anything in the importer's own process parses it.</summary>
/// <param name="MaxStreamBytes">Most bytes any one stream of the page (content, form, font, CMap) may decode to.</param>
/// <param name="MaxPageBytes">Most bytes all of the page's streams together may decode to, images aside.</param>
/// <param name="MaxImagePixels">Most pixels any image on the page may declare.</param>
/// <param name="Limits">What the checking process itself may use.</param>
public sealed record PdfPageBudget(long MaxStreamBytes, long MaxPageBytes, long MaxImagePixels, ToolLimits Limits);

/// <summary>What the sanitiser found on a page it copied.</summary>
/// <param name="PdfPageCount">Pages in the file the page came from.</param>
/// <param name="DecodedBytes">What the page's streams decode to, images aside.</param>
/// <param name="Removed">What the copy left out that the original had, by PDF key (<c>OpenAction</c>, <c>Annots</c>, <c>Encrypt</c> …).</param>
public sealed record SanitizedPdfPage(int PdfPageCount, long DecodedBytes, IReadOnlyList<string> Removed);

/// <summary>
/// Copies PDF pages into files that carry only what a reader should get (content, fonts, images), measuring
/// them on the way, in a process of their own with <see cref="ToolLimits"/>: the importer's own PDF reader
/// then only ever opens a page that has been measured.
/// </summary>
public interface IPdfSanitizer
{
    /// <summary>The number of pages of a PDF.</summary>
    /// <exception cref="PdfRefusedException">The file is damaged, encrypted, has no pages or exceeds <paramref name="limits"/>.</exception>
    Task<int> CountPagesAsync(string pdfPath, ToolLimits limits, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes page <paramref name="pageNumber"/> of <paramref name="pdfPath"/> alone to <paramref name="outputPath"/>,
    /// without JavaScript, actions, annotations, form fields, attachments or encryption; text, fonts and images
    /// are copied as they are.
    /// </summary>
    /// <exception cref="PdfRefusedException">The file is damaged, encrypted, lacks the page, or the page exceeds <paramref name="budget"/>.</exception>
    Task<SanitizedPdfPage> ExtractPageAsync(string pdfPath, int pageNumber, string outputPath, PdfPageBudget budget, CancellationToken cancellationToken = default);
}

/// <summary>Why a PDF was refused.</summary>
public enum PdfRefusal
{
    /// <summary>It does not open (<see cref="PdfRefusedException.Detail"/> says what the tool said).</summary>
    Corrupt,

    /// <summary>It needs a password to open.</summary>
    Encrypted,

    NoPages,

    /// <summary>The page asked for is not there; <see cref="PdfRefusedException.Value"/> is the page count.</summary>
    NoSuchPage,

    /// <summary>The page names a content stream the file does not have.</summary>
    ContentMissing,

    /// <summary>A stream decodes past <see cref="PdfPageBudget.MaxStreamBytes"/>; <see cref="PdfRefusedException.Value"/> is its size.</summary>
    StreamTooLarge,

    /// <summary>The page's streams decode past <see cref="PdfPageBudget.MaxPageBytes"/>.</summary>
    PageTooLarge,

    /// <summary>An image declares more than <see cref="PdfPageBudget.MaxImagePixels"/>; <see cref="PdfRefusedException.Value"/> is its pixels.</summary>
    ImageTooLarge,

    /// <summary>A stream inflates to over 200 times its stored size, the ratio past which MuPDF calls it a bomb.</summary>
    CompressionBomb,

    /// <summary>Reading it needed more memory than <see cref="ToolLimits.MemoryBytes"/>.</summary>
    OutOfMemory,

    /// <summary>Reading it took longer than <see cref="ToolLimits.Timeout"/>.</summary>
    OutOfTime,
}

/// <summary>A PDF the sanitiser would not copy, and why; the importer turns it into a message naming the file.</summary>
public sealed class PdfRefusedException : Exception
{
    public PdfRefusedException(PdfRefusal reason, long value = 0, string? detail = null)
        : base(detail is null ? $"{reason} ({value})" : $"{reason}: {detail}")
    {
        Reason = reason;
        Value = value;
        Detail = detail;
    }

    public PdfRefusedException()
        : this(PdfRefusal.Corrupt)
    {
    }

    public PdfRefusedException(string message)
        : this(PdfRefusal.Corrupt, 0, message)
    {
    }

    public PdfRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    public PdfRefusal Reason { get; }

    /// <summary>The figure the reason is about (a size, a count), or 0.</summary>
    public long Value { get; }

    /// <summary>What the tool said, for <see cref="PdfRefusal.Corrupt"/>.</summary>
    public string? Detail { get; }
}
