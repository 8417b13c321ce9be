using Broadsheet.Ingest;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Web.Desk.Imports;
using Microsoft.Extensions.Options;

// In the desk's namespace, beside AddBroadsheetDesk, so the host adds it without another using.
namespace Broadsheet.Web.Desk;

internal static class ImportsRegistration
{
    /// <summary>
    /// The desk's uploads: the importer (<c>AddBroadsheetIngest</c>, its options bound from configuration), the
    /// upload limits, the one-at-a-time import runner, and the upload page's size limits.
    /// </summary>
    public static IServiceCollection AddDeskImports(this IServiceCollection services)
    {
        services.AddBroadsheetIngest();
        services.AddOptions<DeskUploadOptions>().BindConfiguration(DeskUploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section);
        services.AddSingleton<ImportJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<ImportJobs>());
        services.AddSingleton<ImportUploads>();
        // The upload page also takes a plain form post (no script); it needs the same limits as the endpoint.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<DeskUploadOptions>>((pages, upload) =>
            pages.Conventions.AddAreaPageApplicationModelConvention("Desk", "/Upload", model =>
            {
                model.EndpointMetadata.Add(new ImportsApi.UploadSizeLimit(upload.Value.MaxRequestBytes));
                model.EndpointMetadata.Add(new ImportsApi.UploadFormLimits(upload.Value.MaxRequestBytes));
            }));
        return services;
    }
}
