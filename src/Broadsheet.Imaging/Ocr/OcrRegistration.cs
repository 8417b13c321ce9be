using Broadsheet.Core.Ports;
using Broadsheet.Imaging.Ocr.Paddle;
using Broadsheet.Imaging.Ocr.Tesseract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Broadsheet.Imaging.Ocr;

internal static class OcrRegistration
{
    public static IServiceCollection AddOcr(this IServiceCollection services)
    {
        // Hosts without configuration (the command line, tests) get an empty one, so the options keep their defaults.
        services.TryAddSingleton<IConfiguration>(_ => new ConfigurationBuilder().Build());
        services.AddOptions<OcrOptions>()
            .BindConfiguration(OcrOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<TesseractRunner>();
        services.TryAddSingleton<TesseractEngine>();
        services.TryAddSingleton<OrientationDetector>();
        services.TryAddSingleton<PaddleModels>();
        services.TryAddSingleton<PaddleEngine>();
        services.TryAddSingleton<IPageOcr, PageOcr>();
        return services;
    }
}
