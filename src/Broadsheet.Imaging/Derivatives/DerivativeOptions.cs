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

    /// <summary>JPEG quality. Default 82.</summary>
    public int JpegQuality { get; set; } = 82;

    /// <summary>WebP quality. Default 78.</summary>
    public int WebpQuality { get; set; } = 78;

    /// <summary>
    /// libvips' WebP effort (0 fastest … 6 smallest) for the thumbnail and page-width images. Default 2: the
    /// page-width image is the one every reader downloads, so its bytes matter most.
    /// </summary>
    public int WebpEffort { get; set; } = 2;

    /// <summary>WebP effort for the large image, which is 2.8 times the pixels and seldom downloaded. Default 0.</summary>
    public int LargeWebpEffort { get; set; }

    /// <summary>Whether to cut IIIF deep-zoom tiles. Default true.</summary>
    public bool Tiles { get; set; } = true;

    /// <summary>Edge of a deep-zoom tile. Default 512 px.</summary>
    public int TileSize { get; set; } = 512;
}
