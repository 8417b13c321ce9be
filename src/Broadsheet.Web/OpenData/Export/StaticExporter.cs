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
    private readonly IReadOnlyList<string> _origins;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _missing = [];
    private readonly HashSet<string> _produced = new(StringComparer.Ordinal);
    private readonly List<string> _removed = [];
    private ExportScope? _scope;
    private int _fetched, _written, _unchanged, _kept, _deleted, _failed;

    /// <param name="app">A client whose base address is the running app.</param>
    /// <param name="settings">What to export, and where.</param>
    /// <param name="blobs">The app's blob store, to list a page's tiles (which only the deep-zoom viewer names).</param>
    /// <param name="publicOrigins">The app's own public address (<c>Broadsheet:PublicUrl</c>), which its absolute URLs name instead of the client's.</param>
    public StaticExporter(HttpClient app, ExportSettings settings, IBlobStore blobs, IReadOnlyList<string>? publicOrigins = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        _app = app;
        _settings = settings;
        _blobs = blobs;
        _files = new ExportFiles(settings.Directory);
        _origin = app.BaseAddress!.GetLeftPart(UriPartial.Authority);
        _origins = [_origin, .. (publicOrigins ?? []).Select(o => o.TrimEnd('/'))];
        _html = new HtmlRewriter(_origins);
    }

    /// <summary>App paths that answered neither 200 nor a redirect (a link on a page to something that is not there).</summary>
    public IReadOnlyList<string> Missing => _missing;

    /// <summary>Files an incremental pass deleted (relative to the export's root).</summary>
    public IReadOnlyList<string> Deleted => _removed;

    /// <summary>Exports every page of <paramref name="publications"/> (those <see cref="ExportSettings"/> chose).</summary>
    public Task<ExportProgress> RunAsync(IReadOnlyList<string> publications, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(publications, null, progress, cancellationToken);

    /// <summary>
    /// Exports what <paramref name="scope"/> names again (the rest kept as it is), then deletes the files of its changed
    /// editions that the app no longer answers: a withdrawn edition's, an article merged away.
    /// </summary>
    public Task<ExportProgress> RunAsync(ExportScope scope, IProgress<ExportProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync([], scope ?? throw new ArgumentNullException(nameof(scope)), progress, cancellationToken);

    private async Task<ExportProgress> RunAsync(IReadOnlyList<string> publications, ExportScope? scope, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publications);
        _scope = scope;
        var queue = new Queue<string>();
        void Enqueue(string path)
        {
            if (InScope(path) && _seen.Add(path))
            {
                queue.Enqueue(path);
            }
        }

        foreach (var seed in scope?.Seeds(_files) ?? [])
        {
            Enqueue(seed);
        }

        if (_settings.Publication is null && scope is null)
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
            Enqueue($"/iiif/{slug}");
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

        Count(await _files.WriteAsync("search/index.html", Encoding.UTF8.GetBytes(SearchPage.Html), cancellationToken));
        if (scope is not null)
        {
            Prune(scope);
        }

        return Snapshot(null);
    }

    /// <summary>
    /// Deletes the files of the changed editions that this pass did not reach: all of a withdrawn edition's, the pages of
    /// articles merged or deleted at the desk. Not after a failed fetch, which could have left out what still exists.
    /// </summary>
    private void Prune(ExportScope scope)
    {
        if (Volatile.Read(ref _failed) > 0)
        {
            return;
        }

        foreach (var (slug, date) in scope.Changed)
        {
            foreach (var prefix in ExportPaths.EditionPrefixes(slug, date))
            {
                var folder = prefix.EndsWith('/') ? prefix.TrimEnd('/') : prefix[..(prefix.LastIndexOf('/') + 1)].TrimEnd('/');
                foreach (var file in _files.List(folder).Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && !_produced.Contains(f)).ToList())
                {
                    Delete(file);
                }
            }
        }
    }

    private ExportProgress Snapshot(string? current) =>
        new(Volatile.Read(ref _fetched), Volatile.Read(ref _written), Volatile.Read(ref _unchanged), Volatile.Read(ref _kept), current) { Deleted = Volatile.Read(ref _deleted) };

    private void Delete(string file)
    {
        _files.Delete(file);
        Interlocked.Increment(ref _deleted);
        lock (_removed)
        {
            _removed.Add(file);
        }
    }

    private void Produced(string file)
    {
        lock (_produced)
        {
            _produced.Add(file);
        }
    }

    /// <summary>Exports one path; returns the app paths it links to.</summary>
    private async Task<IReadOnlyList<string>> ExportAsync(string path, CancellationToken cancellationToken)
    {
        var file = ExportPaths.File(path);
        if ((ExportPaths.IsImmutable(path) || IsBefore(path) || _scope?.Refetch(path) == false) && _files.Exists(file))
        {
            Produced(file);
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
            Produced(file);
            return [target];
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                Interlocked.Increment(ref _failed);
            }
            else if (_scope is not null && _files.Exists(file))
            {
                // Gone from the app (a calendar month or a sitemap with no edition left in it): gone from the export.
                Delete(file);
            }

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
            Produced(file);
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
            var json = type.Contains("json", StringComparison.Ordinal);
            if (json || type.Contains("xml", StringComparison.Ordinal) || path == "/robots.txt")
            {
                // Sitemaps, feeds and IIIF name the app's pages by absolute URL, the API by root-relative URL: each is
                // pointed at the file that answers it in the export, in the export's URL form.
                if (json && JsonPruner.Prune(text, IsDynamicUrl) is { } pruned)
                {
                    text = pruned;
                }

                // Root-relative first: an absolute URL made root-relative (no public address) must not be read twice.
                if (json)
                {
                    text = JsonPath().Replace(text, m => "\"" + Relink(m.Groups[1].Value, m.Groups[1].Value, absolute: false, json, links) + "\"");
                }

                text = AbsoluteUrl().Replace(text, m => Relink(m.Value, json ? m.Value : WebUtility.HtmlDecode(m.Value), absolute: true, json, links));
            }

            bytes = Encoding.UTF8.GetBytes(text.Replace(_origin, PublicPrefix, StringComparison.Ordinal));
        }

        Count(await _files.WriteAsync(file, bytes, cancellationToken));
        Produced(file);
        links.AddRange(await TilesAsync(path, cancellationToken));
        return links;
    }

    /// <summary>A page's tiles, which only the deep-zoom viewer names (from info.json), listed from the blob store.</summary>
    private async Task<IReadOnlyList<string>> TilesAsync(string path, CancellationToken cancellationToken)
    {
        if (path.StartsWith("/iiif/3/", StringComparison.Ordinal) && path.EndsWith("/info.json", StringComparison.Ordinal))
        {
            // The IIIF image service's tiles are the same blobs, under the service's own base, where viewers ask for them.
            var key = path["/iiif/3/".Length..^"/info.json".Length];
            var served = new List<string>();
            await foreach (var blob in _blobs.ListAsync(key + "/tiles/", cancellationToken))
            {
                if (!blob.EndsWith("/info.json", StringComparison.Ordinal))
                {
                    served.Add($"/iiif/3/{key}/{blob[(key.Length + "/tiles/".Length)..]}");
                }
            }

            return served;
        }

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

    /// <summary>Whether a string of a document is a URL of the app that only the live app answers (a IIIF search service).</summary>
    private bool IsDynamicUrl(string text) =>
        (text.StartsWith("http", StringComparison.Ordinal) || text.StartsWith('/')) && Local(text) is { } local && (local.IndexOfAny(['?', '#']) is var cut)
        && ExportPaths.IsDynamic(cut < 0 ? local : local[..cut]);

    private string PublicPrefix => _settings.PublicUrl?.TrimEnd('/') ?? "";

    /// <summary>
    /// A URL of a JSON or XML answer as the export writes it: the app's (absolute or root-relative) in the export's form
    /// (<see cref="ExportPaths.Link"/>), absolute ones at the export's public address; another site's as it was.
    /// </summary>
    private string Relink(string written, string url, bool absolute, bool json, List<string> links)
    {
        var local = Local(url);
        if (local is null || (absolute && local == url))
        {
            return written;
        }

        var cut = local.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(cut < 0 ? local : local[..cut]);
        if (path.Length == 0 || ExportPaths.IsDynamic(path))
        {
            return written;
        }

        var fragment = local.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? local[hash..] : "";
        if (ExportPaths.IsIdentifier(path))
        {
            return absolute ? PublicPrefix + local : written;
        }

        var link = ExportPaths.Link(path);
        if (ExportPaths.IsImageService(path))
        {
            // A IIIF image service is named by its base; viewers read {base}/info.json and the tiles below it.
            links.Add(path + "/info.json");
        }
        else
        {
            links.Add(path);
        }

        var escaped = string.Join('/', link.Split('/').Select(Uri.EscapeDataString)) + fragment;
        var rewritten = absolute ? PublicPrefix + escaped : escaped;
        return json || !absolute ? rewritten : WebUtility.HtmlEncode(rewritten);
    }

    /// <summary>The root-relative part of an app URL (absolute at one of its origins or at the export's public address, or root-relative), or null.</summary>
    private string? Local(string url)
    {
        foreach (var origin in _origins.Append(PublicPrefix).Where(o => o.Length > 0))
        {
            if (url.StartsWith(origin, StringComparison.Ordinal) && (url.Length == origin.Length || url[origin.Length] is '/' or '?' or '#'))
            {
                url = url[origin.Length..];
                return url.StartsWith('/') ? url : "/" + url;
            }
        }

        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : null;
    }

    private void Count(bool written) => Interlocked.Increment(ref written ? ref _written : ref _unchanged);

    /// <summary>The app path a link names (same origin, no query or fragment), or null for another site's.</summary>
    private string? AppPath(string url)
    {
        if (Local(url) is not { } local)
        {
            return null;
        }

        url = local;

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

        var slug = ExportPaths.SlugOf(path);
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
