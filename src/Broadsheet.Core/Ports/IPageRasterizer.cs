namespace Broadsheet.Core.Ports;

/// <summary>The raster image of one PDF page, written to a file.</summary>
public sealed record RasterizedPage(string Path, int Width, int Height);

/// <summary>Turns a page of a PDF into a raster image of a given width.</summary>
public interface IPageRasterizer
{
    /// <param name="pdfPath">The PDF file.</param>
    /// <param name="pageNumber">1-based page number within the PDF.</param>
    /// <param name="widthPx">Width of the image in pixels; the height follows the page's aspect ratio.</param>
    /// <param name="outputPath">
    /// Where to write the image: an uncompressed binary PPM, because it is written and read again at once
    /// (compressing a 2000 px page to PNG costs more than drawing it).
    /// </param>
    /// <param name="limits">What the renderer may use (it runs in a process of its own); null for the implementation's defaults.</param>
    /// <param name="cancellationToken">Stops the renderer.</param>
    Task<RasterizedPage> RasterizeAsync(string pdfPath, int pageNumber, int widthPx, string outputPath, ToolLimits? limits = null, CancellationToken cancellationToken = default);
}
