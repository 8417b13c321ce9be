using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>
/// Writes the reader as plain files by reading it from the running app, as a visitor would: the pages are the app's
/// own answers (its templates, cache and all), their links rewritten to the files (<see cref="ExportPaths"/>), and
/// what they link to fetched in turn: pages, articles, spreads, calendars, images and tiles, the API's JSON,
/// feeds and sitemaps. Only files whose bytes changed are written; media, named by content, are fetched once.
/// </summary>
internal sealed partial class StaticExporter
{
    private const int Parallel = 4;
    private readonly HttpClient _app;
    private readonly ExportSettings _settings;
    private readonly IBlobStore _blobs;
    private readonly ExportFiles _files;
    private readonly HtmlRewriter _html;
    private readonly string _origin;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _missing = [];
    private int _fetched, _written, _unchanged, _kept;

    /// <param name="app">A client whose base address is the running app.</param>
    /// <param name="settings">What to export, and where.</param>
    /// <param name="blobs">The app's blob store, to list a page's tiles (which only the deep-zoom viewer names).</param>
    public StaticExporter(HttpClient app, ExportSettings settings, IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        _app = app;
        _settings = settings;
        _blobs = blobs;
        _files = new ExportFiles(settings.Directory);
        _origin = app.BaseAddress!.GetLeftPart(UriPartial.Authority);
        _html = new HtmlRewriter(_origin);
    }

    /// <summary>App paths that answered neither 200 nor a redirect (a link on a page to something that is not there).</summary>
    public IReadOnlyList<string> Missing => _missing;

    public async Task<ExportProgress> RunAsync(IReadOnlyList<string> publications, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publications);
        var queue = new Queue<string>();
        void Enqueue(string path)
        {
            if (InScope(path) && _seen.Add(path))
            {
                queue.Enqueue(path);
            }
        }

        if (_settings.Publication is null)
        {
            Enqueue("/");
            Enqueue("/sitemap.xml");
        }

        foreach (var slug in publications.Where(s => _settings.Publication is null || s == _settings.Publication))
        {
            Enqueue($"/{slug}/");
            Enqueue($"/{slug}/feed.atom");
            Enqueue($"/{slug}/corrections");
            Enqueue($"/{slug}/corrections.atom");
            Enqueue($"/api/v1/publications/{slug}/editions");
        }

        while (queue.Count > 0)
        {
            var batch = new List<string>();
            while (queue.Count > 0 && batch.Count < Parallel * 4)
            {
                batch.Add(queue.Dequeue());
            }

            var found = await Task.WhenAll(batch.Select(path => ExportAsync(path, cancellationToken)));
            foreach (var path in found.SelectMany(f => f))
            {
                Enqueue(path);
            }

            progress?.Report(Snapshot(batch[^1]));
        }

        await _files.WriteAsync("search/index.html", Encoding.UTF8.GetBytes(SearchPage.Html), cancellationToken);
        return Snapshot(null);
    }

    private ExportProgress Snapshot(string? current) =>
        new(Volatile.Read(ref _fetched), Volatile.Read(ref _written), Volatile.Read(ref _unchanged), Volatile.Read(ref _kept), current);

    /// <summary>Exports one path; returns the app paths it links to.</summary>
    private async Task<IReadOnlyList<string>> ExportAsync(string path, CancellationToken cancellationToken)
    {
        var file = ExportPaths.File(path);
        if ((ExportPaths.IsImmutable(path) || IsBefore(path)) && _files.Exists(file))
        {
            Interlocked.Increment(ref _kept);
            return [];
        }

        using var response = await _app.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Interlocked.Increment(ref _fetched);
        if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            && response.Headers.Location is { } location && AppPath(location.OriginalString) is { } target)
        {
            Count(await _files.WriteAsync(file, Encoding.UTF8.GetBytes(SearchPage.Redirect(ExportPaths.Link(target))), cancellationToken));
            return [target];
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            lock (_missing)
            {
                _missing.Add($"{path} ({(int)response.StatusCode})");
            }

            return [];
        }

        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (ExportPaths.IsImmutable(path) && !type.StartsWith("application/json", StringComparison.Ordinal))
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await _files.WriteAsync(file, body, cancellationToken);
            Count(written: true);
            return await TilesAsync(path, cancellationToken);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var links = new List<string>();
        if (type == "text/html")
        {
            var (html, found) = _html.Rewrite(Encoding.UTF8.GetString(bytes), IsArticle(path));
            // What is left of the app's origin (og:url, JSON-LD) names the public address, or none: never the
            // loopback port, which differs every run and would make every page differ too.
            bytes = Encoding.UTF8.GetBytes(html.Replace(_origin, _settings.PublicUrl?.TrimEnd('/') ?? "", StringComparison.Ordinal));
            links.AddRange(found.Select(AppPath).OfType<string>());
        }
        else if (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("xml", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal))
        {
            var text = Encoding.UTF8.GetString(bytes);
            if (type.Contains("xml", StringComparison.Ordinal) || path == "/robots.txt")
            {
                // Sitemaps and feeds name the pages by absolute URL.
                links.AddRange(AbsoluteUrl().Matches(text).Select(m => AppPath(WebUtility.HtmlDecode(m.Value))).OfType<string>());
            }
            else if (type.Contains("json", StringComparison.Ordinal))
            {
                // The API names its other answers, pages and images by root-relative URL.
                links.AddRange(JsonPath().Matches(text).Select(m => AppPath(m.Groups[1].Value)).OfType<string>());
            }

            bytes = Encoding.UTF8.GetBytes(text.Replace(_origin, _settings.PublicUrl?.TrimEnd('/') ?? "", StringComparison.Ordinal));
        }

        Count(await _files.WriteAsync(file, bytes, cancellationToken));
        links.AddRange(await TilesAsync(path, cancellationToken));
        return links;
    }

    /// <summary>A page's tiles, which only the deep-zoom viewer names (from info.json), listed from the blob store.</summary>
    private async Task<IReadOnlyList<string>> TilesAsync(string path, CancellationToken cancellationToken)
    {
        if (!path.EndsWith("/tiles/info.json", StringComparison.Ordinal))
        {
            return [];
        }

        var prefix = path["/media/".Length..^"info.json".Length];
        var tiles = new List<string>();
        await foreach (var key in _blobs.ListAsync(prefix, cancellationToken))
        {
            tiles.Add("/media/" + key);
        }

        return tiles;
    }

    private void Count(bool written) => Interlocked.Increment(ref written ? ref _written : ref _unchanged);

    /// <summary>The app path a link names (same origin, no query or fragment), or null for another site's.</summary>
    private string? AppPath(string url)
    {
        if (url.StartsWith(_origin, StringComparison.Ordinal))
        {
            url = url[_origin.Length..];
        }
        else if (_settings.PublicUrl is { } publicUrl && url.StartsWith(publicUrl.TrimEnd('/'), StringComparison.Ordinal))
        {
            url = url[publicUrl.TrimEnd('/').Length..];
        }

        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var end = url.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(end < 0 ? url : url[..end]);
        return path.Length == 0 || ExportPaths.IsDynamic(path) ? null : path;
    }

    /// <summary>With a publication chosen, another paper's pages, API, IIIF and sitemaps are left out.</summary>
    private bool InScope(string path)
    {
        if (_settings.Publication is not { } chosen)
        {
            return true;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var slug = segments switch
        {
            ["api", "v1", "publications", var s, ..] => s,
            ["iiif", "3", ..] => null,
            ["iiif" or "sitemaps", var s, ..] => s,
            [var s, ..] when Publication.IsValidSlug(s) => s,
            _ => null,
        };
        return slug is null || slug == chosen;
    }

    /// <summary>Whether a path belongs to an edition older than --since (kept as exported before).</summary>
    private bool IsBefore(string path) =>
        _settings.Since is { } since && EditionDate().Match(path) is { Success: true } match
        && DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date < since;

    private static bool IsArticle(string path) => ArticlePath().IsMatch(path);

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"""(/[^""\s]*)""")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"/(\d{4}-\d{2}-\d{2})(/|$)")]
    private static partial Regex EditionDate();

    [GeneratedRegex(@"^/[a-z0-9-]+/\d{4}-\d{2}-\d{2}/[A-Za-z0-9]+/\d+/?$")]
    private static partial Regex ArticlePath();
}
