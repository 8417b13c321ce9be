using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>Finds the articles on a page from its layout. Implementations are pure: same layout, same articles.</summary>
internal interface IArticleDetector
{
    /// <returns>The page's articles in reading order.</returns>
    IReadOnlyList<DetectedArticle> Detect(PageLayout layout);
}
