using System.Text.Json;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader.Localization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Broadsheet.Web.Reader;

/// <summary>
/// Installable and offline: <c>/manifest.webmanifest</c> (the web app manifest) and
/// <c>/{publication}/{date}/offline.json</c>, every address a reader needs to read that edition without a
/// network, which reader.js stores in a cache of its own when the reader asks to save the edition;
/// <c>/sw.js</c> (a static file) answers from those caches when the network is gone.
/// </summary>
internal static class OfflineEndpoints
{
    public static IEndpointRouteBuilder MapOffline(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/manifest.webmanifest", [HttpMethods.Get, HttpMethods.Head], ManifestAsync).ExcludeFromDescription();
        app.MapMethods("/{publication:slug}/{date:edition}/offline.json", [HttpMethods.Get, HttpMethods.Head], EditionAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>The cache an edition is saved in; the service worker and reader.js agree on it.</summary>
    public static string CacheName(string slug, DateOnly date, int number = 1) => $"broadsheet-edition:{slug}/{ReaderUrls.Segment(date, number)}";

    private static async Task<IResult> ManifestAsync(HttpContext context, PublishedEditions editions, ReaderLocalizer text, CancellationToken cancellationToken)
    {
        // A site that serves one paper installs as that paper; one that serves several, as the site.
        var latest = await editions.LatestAsync(null, null, cancellationToken);
        var paper = latest is null ? null : await editions.FindPublicationAsync(latest.Slug, cancellationToken);
        var name = paper?.Name ?? text["SiteTitle"];
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Json(
            new Dictionary<string, object>
            {
                ["name"] = name,
                ["short_name"] = name,
                ["lang"] = paper?.Language ?? "zh-CN",
                ["start_url"] = "/",
                ["scope"] = "/",
                ["display"] = "standalone",
                ["background_color"] = "#f4f1ea",
                ["theme_color"] = "#9e1b1f",
                ["icons"] = new object[]
                {
                    new { src = "/icons/icon-192.png", sizes = "192x192", type = "image/png" },
                    new { src = "/icons/icon-512.png", sizes = "512x512", type = "image/png" },
                    new { src = "/favicon.svg", sizes = "any", type = "image/svg+xml" },
                },
            },
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
            "application/manifest+json");
    }

    private static async Task<IResult> EditionAsync(
        string publication, string date, HttpContext context, PublishedEditions editions, IFileVersionProvider versions, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition)
        {
            return Results.NotFound();
        }

        ReaderCaching.TagPublication(context, publication);
        var urls = new List<string>();
        // The scripts and styles as the pages ask for them, with their version.
        urls.AddRange(new[] { "/css/reader.css", "/js/reader.js", "/js/reader-zoom.js", "/js/reader-listen.js", "/js/reader-clip.js", "/js/reader-offline.js" }.Select(p => versions.AddFileVersionToPath(context.Request.PathBase, p)));
        urls.Add("/favicon.svg");
        urls.Add(ReaderUrls.Calendar(edition.Slug, edition.Date.Year, edition.Date.Month));
        foreach (var page in edition.Pages)
        {
            urls.Add(page.Url);
            urls.Add(ReaderUrls.PageText(page));
            // The sizes a phone and a laptop ask for first; the service worker answers a larger one with these.
            urls.AddRange(new[] { page.Variant("page", "webp"), page.Variant("page", "jpg"), page.Variant("thumb", "webp"), page.Variant("thumb", "jpg") }.OfType<string>());
            if (page.Variant("page", "jpg") is null && page.ImageUrl is { } image)
            {
                urls.Add(image);
            }

            urls.AddRange(page.Articles.Select(a => a.Url));
        }

        urls.AddRange(edition.Spreads.Where(s => s.Right is not null).Select(s => s.Url));
        foreach (var photo in edition.Edition.Articles.SelectMany(a => a.Images).Where(i => i.PhotoKey is not null))
        {
            urls.Add(ReaderUrls.Media(photo.PhotoKey + "/page.webp")!);
            urls.Add(ReaderUrls.Media(photo.PhotoKey + "/page.jpg")!);
        }

        return Results.Json(new { cache = CacheName(edition.Slug, edition.Date, edition.Number), edition = edition.FirstPage?.Url ?? edition.Url, urls = urls.Distinct(StringComparer.Ordinal).ToList() });
    }
}
