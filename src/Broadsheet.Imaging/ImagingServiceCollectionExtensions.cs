using Broadsheet.Core.Ports;
using Broadsheet.Imaging.Derivatives;
using Broadsheet.Imaging.Ocr;
using Broadsheet.Imaging.Rasterizing;
using Broadsheet.Imaging.Sanitizing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PDF rasteriser (mutool, with pdftoppm as fallback), the PDF sanitiser (mutool), the libvips
    /// page-image processor, and OCR (<see cref="IPageOcr"/>: Tesseract or PaddleOCR, options <see cref="OcrOptions"/>
    /// bound from <c>Broadsheet:Ocr</c>).
    /// </summary>
    public static IServiceCollection AddBroadsheetImaging(this IServiceCollection services, Action<RasterizerOptions>? configure = null)
    {
        var options = services.AddOptions<RasterizerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<DerivativeOptions>();
        services.AddSingleton<IPageRasterizer, PdfRasterizer>();
        services.AddSingleton<IPageImageProcessor, VipsPageImageProcessor>();
        services.AddSingleton<IImageCropper, VipsImageCropper>();
        services.AddSingleton<IPdfMerger, QpdfMerger>();
        services.AddSingleton<IPdfSanitizer, MutoolPdfSanitizer>();
        services.AddOcr();
        return services;
    }
}
