using Broadsheet.Web.OpenData.Bulk;
using Broadsheet.Web.OpenData.Epub;
using Broadsheet.Web.OpenData.Feeds;
using Broadsheet.Web.OpenData.Iiif;

namespace Broadsheet.Web.OpenData;

/// <summary>Open data over the published editions: IIIF (Image 3 level 0, Presentation 3, Content Search 2) Atom feeds and bulk data.</summary>
internal static class OpenDataRegistration
{
    public static IServiceCollection AddOpenData(this IServiceCollection services) => services.AddSingleton<ImageInfos>();

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        app.MapIiifImages();
        app.MapIiifPresentation();
        app.MapAtomFeeds();
        app.MapBulkData();
        app.MapEditionEpub();
        return app;
    }
}
