using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Import;

/// <summary>Finds nothing: for pages whose articles the manifest gives, so no time goes into detecting them.</summary>
internal sealed class NoDetection : IArticleDetector
{
    public static readonly NoDetection Instance = new();

    private NoDetection()
    {
    }

    public IReadOnlyList<DetectedArticle> Detect(PageLayout layout) => [];
}
