namespace Broadsheet.Web.OpenData.Export;

/// <summary>
/// Where a URL of the app lives in a static export, and what links to it there. Reader pages are HTML at
/// extensionless URLs (<c>/binjiang/2026-11-02/01</c>); in the export each is a folder's <c>index.html</c>
/// (<c>/binjiang/2026-11-02/01/</c>), which nginx and object-store websites serve as they are. The API's and IIIF's
/// extensionless JSON gets <c>.json</c> (ALTO <c>.xml</c>); URLs with an extension stay as they are.
/// </summary>
internal static class ExportPaths
{
    /// <summary>Paths the export leaves out: the desk, forms that post, live search, and what script makes up on the fly.</summary>
    public static bool IsDynamic(string path) =>
        path.StartsWith("/desk", StringComparison.Ordinal)
        || path.StartsWith("/search", StringComparison.Ordinal)
        || path.StartsWith("/api/v1/search", StringComparison.Ordinal)
        || path.StartsWith("/api/v1/reference", StringComparison.Ordinal)
        || path.StartsWith("/health", StringComparison.Ordinal)
        || path.EndsWith("/report", StringComparison.Ordinal)
        || path.EndsWith("/calendar", StringComparison.Ordinal)
        || path.Contains("/clip/", StringComparison.Ordinal)
        || path.Contains("/search1", StringComparison.Ordinal)
        || (path.StartsWith("/iiif/", StringComparison.Ordinal) && path.EndsWith("/search", StringComparison.Ordinal));

    /// <summary>The exported link for an app path (no query, no fragment).</summary>
    public static string Link(string path)
    {
        if (HasExtension(path))
        {
            return path;
        }

        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/iiif/", StringComparison.Ordinal))
        {
            return path + (path.EndsWith("/alto", StringComparison.Ordinal) ? ".xml" : ".json");
        }

        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>The file, relative to the export's root, that answers <see cref="Link"/>.</summary>
    public static string File(string path)
    {
        var link = Link(path);
        return (link.EndsWith('/') ? link + "index.html" : link).TrimStart('/');
    }

    /// <summary>Content-addressed media never changes under its key: once exported, it is not fetched again.</summary>
    public static bool IsImmutable(string path) => path.StartsWith("/media/", StringComparison.Ordinal);

    private static bool HasExtension(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        var dot = last.LastIndexOf('.');
        return dot > 0 && dot < last.Length - 1 && last[(dot + 1)..].All(char.IsAsciiLetterOrDigit);
    }
}
