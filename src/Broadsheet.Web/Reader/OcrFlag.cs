using Broadsheet.Core.Model;

namespace Broadsheet.Web.Reader;

/// <summary>
/// Whether readers are told an article's text was read by OCR (a scan, a library's ALTO, a page whose PDF text was
/// junk): its own doubt says so, or a page it is printed on was read that way. Once a person at the desk has checked
/// the article, the text is theirs and the note goes.
/// </summary>
internal static class OcrFlag
{
    public static bool Shows(Article article, IEnumerable<Page> pages) =>
        !article.Checked && (article.Doubts.HasFlag(ArticleDoubts.Ocr) || pages.Any(p => p.TextSource == PageTextSource.Ocr));
}
