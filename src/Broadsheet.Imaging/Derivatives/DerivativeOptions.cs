namespace Broadsheet.Imaging.Derivatives;

/// <summary>The sizes and qualities of the page images the reader is given.</summary>
public sealed class DerivativeOptions
{
    /// <summary>Width of the thumbnail used in page navigation. Default 240 px.</summary>
    public int ThumbnailWidth { get; set; } = 240;

    /// <summary>Width of the image shown in the page view. Default 1200 px: sharp on a phone, light on a laptop.</summary>
    public int PageWidth { get; set; } = 1200;

    /// <summary>Width of the large image for close reading. Default 2000 px, the master's width.</summary>
    public int LargeWidth { get; set; } = 2000;

    /// <summary>
    /// Width of an article photo as the article view shows it. Default 800 px: the text column is at most about
    /// 700 px wide, and a photo is the heaviest thing on an article's first view.
    /// </summary>
    public int PhotoWidth { get; set; } = 800;

    /// <summary>
    /// How far (mean grey level difference, 0-255, compared 96 px wide) an embedded photo may look from what the
    /// page shows in its place and still be used. Default 15: on the real pages tried (corpus/real) the same
    /// picture differed by 0.2 to 10.8 levels; one the page clips to a circle, prints text over, or a negative,
    /// by 21 to 178.
    /// </summary>
    public double PhotoMismatch { get; set; } = 15;

    /// <summary>JPEG quality. Default 82.</summary>
    public int JpegQuality { get; set; } = 82;

    /// <summary>WebP quality. Default 78.</summary>
    public int WebpQuality { get; set; } = 78;

    /// <summary>
    /// libvips' WebP effort (0 fastest … 6 smallest) for the thumbnail and page-width images (the large one is a
    /// JPEG only). Default 2: the page-width image is the one every reader downloads, so its bytes matter most.
    /// </summary>
    public int WebpEffort { get; set; } = 2;

    /// <summary>Whether to cut IIIF deep-zoom tiles. Default true.</summary>
    public bool Tiles { get; set; } = true;

    /// <summary>Edge of a deep-zoom tile. Default 512 px.</summary>
    public int TileSize { get; set; } = 512;
}
