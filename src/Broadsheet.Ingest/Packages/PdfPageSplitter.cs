using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// Copies one page of a multi-page PDF into a PDF of its own, so each page of an edition that came as one
/// file is rendered, read and offered for download like a page that came alone.
/// </summary>
internal static class PdfPageSplitter
{
    public static void Extract(PackagePage page, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            using var document = PdfDocument.Open(page.FilePath, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            using var builder = new PdfDocumentBuilder();
            builder.AddPage(document, page.PdfPage);
            Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
            File.WriteAllBytes(outputPath, builder.Build());
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException and not IOException)
        {
            throw new ImportException($"{page.FileName}: the page could not be taken out of the PDF ({ex.Message})", ex);
        }
    }
}
