using Microsoft.Extensions.FileProviders;

namespace Broadsheet.Web.Hosting;

internal static class StaticFiles
{
    /// <summary>
    /// Serves wwwroot from resources embedded in this assembly, whatever the content root is. Requests that carry
    /// the content hash (<c>?v=</c>, from <c>asp-append-version</c>) may be cached for good.
    /// </summary>
    public static WebApplication UseBroadsheetStaticFiles(this WebApplication app)
    {
        var assembly = typeof(StaticFiles).Assembly;
        app.Environment.WebRootFileProvider = new EmbeddedFileProvider(assembly, assembly.GetName().Name + ".wwwroot");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Environment.WebRootFileProvider,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
        return app;
    }
}
