using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Import;

/// <summary>A page after rendering, reading and detection, with its blobs stored.</summary>
internal sealed record ProcessedPage(ValidatedPage Source, RasterizedPage Raster, string ImageKey, string? PdfKey, IReadOnlyList<DetectedArticle> Articles)
{
    /// <summary>Why a person should look at this page, if they should.</summary>
    public string? ReviewNote { get; init; }

    /// <summary>Key prefix of the page's derivative images, when they were made.</summary>
    public string? DerivativesKey { get; init; }
}
