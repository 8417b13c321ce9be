namespace Broadsheet.Web.Metrics;

/// <summary>
/// A request's route class, from its path alone: few enough values for a metric label (a label per URL would make a
/// series per page), and known before routing, since cached reader pages are answered before routing runs.
/// </summary>
internal static class RouteClasses
{
    public const string Reader = "reader";
    public const string Media = "media";
    public const string Search = "search";
    public const string Api = "api";
    public const string OpenData = "opendata";
    public const string Desk = "desk";
    public const string Health = "health";
    public const string Static = "static";

    /// <summary>Every class, in the order of the indexes <see cref="IndexOf"/> gives.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Media, Search, Api, OpenData, Desk, Health, Static];

    /// <summary>The route class of <paramref name="path"/> as its index in <see cref="All"/>.</summary>
    public static int IndexOf(PathString path) => Of(path) switch
    {
        Media => 1,
        Search => 2,
        Api => 3,
        OpenData => 4,
        Desk => 5,
        Health => 6,
        Static => 7,
        _ => 0,
    };

    public static string Of(PathString path)
    {
        var value = path.Value ?? "/";
        if (value.StartsWith("/media/", StringComparison.Ordinal))
        {
            return Media;
        }

        if (value.StartsWith("/search", StringComparison.Ordinal) || value.StartsWith("/api/v1/search", StringComparison.Ordinal))
        {
            return Search;
        }

        if (value.StartsWith("/api/", StringComparison.Ordinal))
        {
            return Api;
        }

        if (value.StartsWith("/iiif/", StringComparison.Ordinal) || value.EndsWith(".atom", StringComparison.Ordinal)
            || value.EndsWith(".epub", StringComparison.Ordinal))
        {
            return OpenData;
        }

        if (value.StartsWith("/desk", StringComparison.OrdinalIgnoreCase))
        {
            return Desk;
        }

        if (value.StartsWith("/health/", StringComparison.Ordinal) || value == "/metrics")
        {
            return Health;
        }

        if (value.StartsWith("/css/", StringComparison.Ordinal) || value.StartsWith("/js/", StringComparison.Ordinal)
            || value.StartsWith("/lib/", StringComparison.Ordinal) || value.StartsWith("/icons/", StringComparison.Ordinal)
            || value.StartsWith("/favicon", StringComparison.Ordinal) || value == "/sw.js" || value == "/manifest.webmanifest")
        {
            return Static;
        }

        return Reader;
    }
}
