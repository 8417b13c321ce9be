using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Ingest;

/// <summary>Settings of the import pipeline.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section hosts bind these from.</summary>
    public const string Section = "Broadsheet:Ingest";

    /// <summary>Width in pixels of the master page image rendered from each PDF. Default 2000.</summary>
    [Range(200, 12000)]
    public int RasterWidth { get; set; } = 2000;

    /// <summary>Most bytes a zip package may unpack to. Default 2 GiB.</summary>
    [Range(1024L, long.MaxValue)]
    public long MaxPackageBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most entries a zip package may hold. Default 10,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxPackageEntries { get; set; } = 10_000;

    /// <summary>
    /// Most pixels a page image may have, checked from its header before it is decoded (a PNG that claims
    /// 100,000 x 100,000 pixels is refused unread); also bounds the master rendered from a PDF page. Default
    /// 250 million: a broadsheet page scanned at 600 dpi has about 125 million.
    /// </summary>
    [Range(1_000_000L, 4_000_000_000L)]
    public long MaxImagePixels { get; set; } = 250_000_000;

    /// <summary>Pages processed at once; 0 (the default) means one per processor.</summary>
    [Range(0, 256)]
    public int MaxParallelism { get; set; }
}
