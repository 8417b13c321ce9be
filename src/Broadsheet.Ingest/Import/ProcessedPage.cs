using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Import;

/// <summary>A page after rendering, reading and detection, with its blobs stored.</summary>
/// <param name="Source">The validated page it came from.</param>
/// <param name="ImageKey">The largest reader image (a JPEG).</param>
/// <param name="ImageWidth">Its width in pixels.</param>
/// <param name="ImageHeight">Its height in pixels.</param>
/// <param name="ImagesKey">Key prefix of all the page's images and tiles.</param>
/// <param name="PdfKey">The page's PDF; null for a page that came as an image.</param>
/// <param name="Articles">What detection found.</param>
internal sealed record ProcessedPage(
    ValidatedPage Source,
    string ImageKey,
    int ImageWidth,
    int ImageHeight,
    string ImagesKey,
    string? PdfKey,
    IReadOnlyList<DetectedArticle> Articles)
{
    /// <summary>Why a person should look at this page, if they should.</summary>
    public string? ReviewNote { get; init; }

    /// <summary>Where the page's text came from.</summary>
    public PageTextSource TextSource { get; init; }

    /// <summary>Why a person should look at this page, as reasons the desk words.</summary>
    public PageDoubts Doubts { get; init; }

    /// <summary>The article photos that have images of their own, by where they are printed.</summary>
    public IReadOnlyDictionary<Core.Model.Polygon, StoredPhoto> Photos { get; init; } = new Dictionary<Core.Model.Polygon, StoredPhoto>();
}
