using System.Globalization;
using System.Text;
using Broadsheet.Core.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Broadsheet.Ingest.Packages;

/// <summary>What validation learnt about a page file: its size in points and, for a PDF, its page count and rotation.</summary>
internal sealed record ValidatedPage(PackagePage Page, PageSize Size, int PdfPageCount, int Rotation)
{
    /// <summary>What the file holds: a PDF, or an image where the paper has no PDF of the page.</summary>
    public PageFileKind Kind { get; init; } = PageFileKind.Pdf;
}

/// <summary>
/// Checks that a page file is a PDF this pipeline can use, before anything is written: it starts like a
/// PDF, is complete, is not encrypted, opens, and has a first page of a plausible size. The importer runs it on
/// the page as the sanitiser copied it (measured, in a process of its own, before anything here opens it), and
/// with a budget also weighs the page's content as the text reader will meet it; the text is not read here.
/// </summary>
internal static class PdfValidator
{
    /// <summary>Smallest page side we accept, in points: one inch. Anything smaller is not a newspaper page.</summary>
    private const double MinSide = 72;

    /// <summary>How far from the end of the file the <c>%%EOF</c> marker may sit (some writers pad after it).</summary>
    private const int TrailerWindow = 2048;

    /// <param name="page">The page file; <see cref="PackagePage.PdfPage"/> says which page of the PDF is meant.</param>
    /// <param name="rasterWidth">Width of the master image the page will be rendered to.</param>
    /// <param name="maxPixels">Most pixels that master may have: a page far taller than it is wide would render to a gigapixel image.</param>
    /// <param name="budget">When given, the page's content and text are weighed against it (<see cref="PageContent"/>).</param>
    public static ValidatedPage Validate(PackagePage page, int rasterWidth = 2000, long maxPixels = long.MaxValue, Import.ImportBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var file = page.FileName;
        CheckBytes(page.FilePath, file);
        try
        {
            using var document = PdfDocument.Open(page.FilePath, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages < 1)
            {
                throw new ImportException($"{file}: the PDF has no pages");
            }

            if (page.PdfPage > document.NumberOfPages)
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: the PDF has {document.NumberOfPages} pages; there is no page {page.PdfPage}"));
            }

            // Only the page's size and rotation are needed before staging. Its content is read while the page
            // is processed, and a page whose content fails there fails the whole import, named, before anything
            // is published.
            var geometry = PageGeometry.Of(document, page.PdfPage);
            var size = new PageSize(geometry.CropBox.Width, geometry.CropBox.Height);
            if (!size.IsValid || size.Width < MinSide || size.Height < MinSide)
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: the page is {size.Width:0.#} x {size.Height:0.#} pt, not a plausible newspaper page"));
            }

            if (size.Aspect > PageSize.MaxAspect)
            {
                throw new ImportException(TooNarrow(file, size));
            }

            var pixels = (double)rasterWidth * rasterWidth * size.Height / size.Width;
            if (pixels > maxPixels)
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: the page is {size.Width:0.#} x {size.Height:0.#} pt; {rasterWidth} px wide it would be {pixels / 1e6:0} megapixels, more than the {maxPixels / 1e6:0.#} allowed"));
            }

            budget?.Check(file, PageContent.Of(document, page.PdfPage));
            return new ValidatedPage(page, size, document.NumberOfPages, geometry.Rotation);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ImportException($"{file}: the PDF is encrypted; export it again without a password", ex);
        }
        catch (ImportException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ImportException($"{file}: the PDF is truncated or corrupt ({ex.Message})", ex);
        }
    }

    /// <summary>The file starts like a PDF (within its first kilobyte) and ends like one.</summary>
    internal static void CheckBytes(string path, string file)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            throw new ImportException($"{file}: the file is empty");
        }

        var head = new byte[Math.Min(1024, stream.Length)];
        stream.ReadExactly(head);
        if (head.AsSpan().IndexOf("%PDF-"u8) < 0)
        {
            throw new ImportException($"{file}: not a PDF (it starts with \"{Printable(head.AsSpan(0, Math.Min(4, head.Length)))}\")");
        }

        var tailLength = (int)Math.Min(TrailerWindow, stream.Length);
        var tail = new byte[tailLength];
        stream.Seek(-tailLength, SeekOrigin.End);
        stream.ReadExactly(tail);
        if (tail.AsSpan().IndexOf("%%EOF"u8) < 0)
        {
            throw new ImportException($"{file}: the PDF is truncated or corrupt (it does not end with %%EOF)");
        }
    }

    /// <summary>Shows the first bytes the way a person can compare them with a known file signature.</summary>
    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
        }

        return sb.ToString();
    }

    /// <summary>The refusal of a page too many times taller than wide (or wider than tall) to be a page.</summary>
    internal static string TooNarrow(string file, PageSize size) => string.Create(CultureInfo.InvariantCulture,
        $"{file}: the page is {size.Width:0.#} x {size.Height:0.#} pt, {size.Aspect:0.#} times as {(size.Height > size.Width ? "tall as it is wide" : "wide as it is tall")}; a page may be at most {PageSize.MaxAspect:0} times");
}
