using System.Collections.Concurrent;
using System.Globalization;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Localization;

namespace Broadsheet.Web.Reader.Localization;

/// <summary>
/// Chooses the interface language of a request from the publication in its first path segment (its
/// <see cref="Core.Model.Publication.Language"/>): Chinese unless the publication says English. Browsers' own
/// preferences are not consulted, so one URL always reads the same (and caches as one response).
/// </summary>
internal sealed class PublicationCultureProvider(PublicationLanguages languages) : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var path = httpContext.Request.Path.Value ?? "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var slug = segments.Length > 0 && Core.Model.Publication.IsValidSlug(segments[0]) && !IsReserved(segments[0]) ? segments[0] : null;
        if (slug is null && segments.Length > 1 && string.Equals(segments[0], "sitemaps", StringComparison.Ordinal))
        {
            slug = segments[1];
        }

        var language = slug is null ? null : await languages.LanguageOfAsync(slug, httpContext.RequestAborted);
        return new ProviderCultureResult(PublicationCulture.For(language));
    }

    // Media and the API never show interface text; asking the database about them would cost every image a query.
    private static bool IsReserved(string segment) =>
        segment is "media" or "api" or "css" or "js" or "lib";
}

/// <summary>Publication languages by slug, remembered for a minute so a cached page costs no query.</summary>
internal sealed class PublicationLanguages(PublishedEditions editions, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, (string? Language, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<string?> LanguageOfAsync(string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(slug, out var known) && known.Until > now)
        {
            return known.Language;
        }

        var publication = await editions.FindPublicationAsync(slug, cancellationToken);
        // Unknown slugs are remembered too, but only up to a bound: anyone could make up slugs by the million.
        if (publication is not null || _known.Count < MaxRemembered)
        {
            _known[slug] = (publication?.Language, now + Lifetime);
        }

        return publication?.Language;
    }
}

/// <summary>The interface cultures the reader has resources for.</summary>
internal static class PublicationCulture
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>English for any <c>en</c> tag, Chinese for everything else.</summary>
    public static string For(string? language) =>
        language is not null && (string.Equals(language, "en", StringComparison.OrdinalIgnoreCase)
            || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            ? English
            : Chinese;

    /// <summary>Whether the desk words its messages to a publication in <paramref name="language"/> in English.</summary>
    public static bool IsEnglishFor(string? language) => string.Equals(For(language), English, StringComparison.Ordinal);

    public static bool IsEnglish => string.Equals(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, "en", StringComparison.Ordinal);

    public static IServiceCollection AddReaderLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<PublicationLanguages>();
        services.AddSingleton<PublicationCultureProvider>();
        return services;
    }

    public static WebApplication UseReaderLocalization(this WebApplication app)
    {
        var cultures = new[] { new CultureInfo(Chinese), new CultureInfo(English) };
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        options.RequestCultureProviders.Clear();
        options.RequestCultureProviders.Add(app.Services.GetRequiredService<PublicationCultureProvider>());
        app.UseRequestLocalization(options);
        return app;
    }
}
