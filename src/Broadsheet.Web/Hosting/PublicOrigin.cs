using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Web.Hosting;

/// <summary>
/// Where readers reach the site (<c>Broadsheet:PublicUrl</c>, e.g. <c>https://epaper.example.org</c>): every
/// absolute URL (canonical links, OpenGraph, JSON-LD, sitemaps) is built from it, never from the request's
/// <c>Host</c> or forwarded headers, because a cached page is served to everyone after the request that made it.
/// Without it (a laptop, a test) the request's origin is used and the page cache keeps one copy per origin, so a
/// made-up <c>Host</c> only ever gets its own copy back.
/// </summary>
internal sealed class PublicOrigin(Uri? url)
{
    /// <summary>The configured origin (and path prefix), without a trailing slash; null when none is set.</summary>
    public string? Prefix { get; } = url?.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public Uri? Url { get; } = url;

    /// <summary>The absolute URL of a root-relative <paramref name="path"/>.</summary>
    public string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Prefix is not null ? Prefix + path : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }

    /// <summary>What the page cache files a response under: its path, and its origin too when that shapes the page.</summary>
    public string CacheKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Prefix is not null ? request.Path.Value! : $"{request.Scheme}://{request.Host}{request.Path.Value}";
    }
}

internal static class PublicOriginRegistration
{
    /// <summary>
    /// Registers <see cref="PublicOrigin"/>. With a public URL and no <c>AllowedHosts</c> of the operator's own,
    /// only that host (and loopback, for the operator's own checks) may be named in <c>Host</c>; anything else
    /// gets a 400 before the page cache or any page sees it.
    /// </summary>
    public static IServiceCollection AddPublicOrigin(this IServiceCollection services, string? publicUrl, IConfiguration configuration)
    {
        var url = string.IsNullOrWhiteSpace(publicUrl) ? null : new Uri(publicUrl, UriKind.Absolute);
        services.AddSingleton(new PublicOrigin(url));
        var configured = configuration["AllowedHosts"];
        if (url is not null && string.IsNullOrWhiteSpace(configured))
        {
            services.PostConfigure<HostFilteringOptions>(options =>
                options.AllowedHosts = [url.IdnHost, "localhost", "127.0.0.1", "[::1]"]);
        }

        // The desk's cookies go only over HTTPS when the site is public over HTTPS (TLS may end at a proxy that
        // forwards plain HTTP), and otherwise whenever the request came over HTTPS.
        var secure = url?.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.PostConfigure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = secure);
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options => options.Cookie.SecurePolicy = secure);
        return services;
    }
}
