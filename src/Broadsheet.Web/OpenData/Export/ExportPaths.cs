using Broadsheet.Core.Model;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>
/// Where a URL of the app lives in a static export, and what links to it there. Reader pages are HTML at
/// extensionless URLs (<c>/binjiang/2026-11-02/01</c>); in the export each is a folder's <c>index.html</c>
/// (<c>/binjiang/2026-11-02/01/</c>), which nginx and object-store websites serve as they are. The API's and IIIF's
/// extensionless JSON gets <c>.json</c> (ALTO <c>.xml</c>); URLs with an extension stay as they are.
/// </summary>
internal static partial class ExportPaths
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

    /// <summary>
    /// The app path the export fetches for a URL's <paramref name="path"/> and <paramref name="query"/>: the path alone,
    /// but for two things. A day's later edition (<c>?number=2</c>, the one query whose answer is another document) keeps
    /// its number, to be written apart (<see cref="Link"/>). A page's tiles under <c>/media/{derivatives}/tiles/</c> are
    /// the blobs the IIIF image service serves at <c>/iiif/3/{derivatives}/</c>: the export fetches and keeps them once,
    /// there, and the reader's deep zoom reads them there too.
    /// </summary>
    public static string Fetched(string path, string? query)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (MediaTiles().Match(path) is { Success: true } tiles)
        {
            path = $"/iiif/3/{tiles.Groups[1].Value}/{tiles.Groups[2].Value}";
        }

        // Only the API answers ?number= (IIIF and the reader name a later edition by its path, {date}_{n}).
        return query is not null && path.StartsWith("/api/", StringComparison.Ordinal) && EditionSegment().IsMatch(path)
            && NumberQuery().Match(query) is { Success: true } number && number.Groups[1].Value != "1"
            ? path + "?number=" + number.Groups[1].Value
            : path;
    }

    /// <summary>The exported link for an app path (no fragment; no query but a later edition's <c>?number=</c>).</summary>
    public static string Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        path = Fetched(query < 0 ? path : path[..query], query < 0 ? null : path[query..]) is var fetched && fetched.IndexOf('?', StringComparison.Ordinal) is var at and >= 0
            // …/editions/2026-11-02?number=2 → …/editions/2026-11-02_2(.json), as IIIF names it: a file of its own.
            ? EditionSegment().Replace(fetched[..at], m => m.Value + "_" + fetched[(at + "?number=".Length)..], 1)
            : fetched;
        if (HasExtension(path))
        {
            return path;
        }

        if (IsImageService(path))
        {
            return path;
        }

        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/iiif/", StringComparison.Ordinal))
        {
            return path + (path.EndsWith("/alto", StringComparison.Ordinal) ? ".xml" : ".json");
        }

        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>
    /// An API edition document's text and ALTO (…/editions/{date}/text and /alto, with its <c>?number=</c>), which only
    /// the API's edition document leads to by name; fetched with it, so that every edition's are in the export.
    /// </summary>
    public static IEnumerable<string> EditionData(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ApiEdition().Match(path) is { Success: true } edition
            ? [$"{edition.Groups[1].Value}/text{edition.Groups[2].Value}", $"{edition.Groups[1].Value}/alto{edition.Groups[2].Value}"]
            : [];
    }

    /// <summary>The file, relative to the export's root, that answers <see cref="Link"/>.</summary>
    public static string File(string path)
    {
        var link = Link(path);
        return (link.EndsWith('/') ? link + "index.html" : link).TrimStart('/');
    }

    /// <summary>A IIIF Image API service's base (<c>/iiif/3/pages/…</c>), under which its info.json and tiles live.</summary>
    public static bool IsImageService(string path) =>
        path.StartsWith("/iiif/3/", StringComparison.Ordinal) && !HasExtension(path) && !path.EndsWith('/');

    /// <summary>
    /// An IIIF identifier that names no document: a canvas's annotation pages and annotations, an edition's ranges
    /// (Presentation 3 asks only collections, manifests and canvases to be dereferenceable). Kept as names, not fetched.
    /// </summary>
    public static bool IsIdentifier(string path) => IiifIdentifier().IsMatch(path);

    /// <summary>Content-addressed media never changes under its key: once exported, it is not fetched again.</summary>
    public static bool IsImmutable(string path) =>
        path.StartsWith("/media/", StringComparison.Ordinal)
        || (path.StartsWith("/iiif/3/", StringComparison.Ordinal) && !path.EndsWith("/info.json", StringComparison.Ordinal) && HasExtension(path));

    /// <summary>The publication a path belongs to (its slug), or null for what belongs to none (the front, IIIF images, media).</summary>
    public static string? SlugOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["api", "v1", "publications", var s, ..] => s,
            ["iiif", "3", ..] => null,
            ["iiif" or "sitemaps", var s, ..] => s,
            [var s, ..] when Publication.IsValidSlug(s) => s,
            _ => null,
        };
    }

    /// <summary>
    /// The folders and files of the export (relative to its root) that hold one edition's pages, articles, JSON and IIIF
    /// documents (its images, under <c>media/</c> by content, are not among them).
    /// </summary>
    public static IEnumerable<string> EditionPrefixes(string slug, DateOnly date)
    {
        var day = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        yield return $"{slug}/{day}/";
        yield return $"{slug}/{day}_";
        yield return $"api/v1/publications/{slug}/editions/{day}.json";
        yield return $"api/v1/publications/{slug}/editions/{day}/";
        yield return $"api/v1/publications/{slug}/editions/{day}_";
        yield return $"iiif/{slug}/{day}/";
        yield return $"iiif/{slug}/{day}_";
    }

    private static bool HasExtension(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        var dot = last.LastIndexOf('.');
        return dot > 0 && dot < last.Length - 1 && last[(dot + 1)..].All(char.IsAsciiLetterOrDigit);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^/media/(pages/[^/]+/[^/]+)/tiles/(.+)$")]
    private static partial System.Text.RegularExpressions.Regex MediaTiles();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^\??|&)number=([1-9][0-9]{0,3})(?:&|$)")]
    private static partial System.Text.RegularExpressions.Regex NumberQuery();

    /// <summary>An edition's date as the path segment that names it (followed by its documents, or last).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(/api/v1/publications/[^/?]+/editions/\d{4}-\d{2}-\d{2})(\?number=[1-9][0-9]{0,3})?$")]
    private static partial System.Text.RegularExpressions.Regex ApiEdition();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=/)\d{4}-\d{2}-\d{2}(?=/|$)", System.Text.RegularExpressions.RegexOptions.RightToLeft)]
    private static partial System.Text.RegularExpressions.Regex EditionSegment();

    [System.Text.RegularExpressions.GeneratedRegex(@"^/iiif/[^/]+/[^/]+/(canvas/[^/]+/.+|range(/.*)?)$")]
    private static partial System.Text.RegularExpressions.Regex IiifIdentifier();
}
