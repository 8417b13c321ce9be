using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;

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
    private readonly IReaderEditions _editions;
    private readonly ExportFiles _files;
    private readonly HtmlRewriter _html;
    private readonly string _origin;
    private readonly IReadOnlyList<string> _origins;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _missing = [];
    private readonly HashSet<string> _produced = new(StringComparer.Ordinal);
    private readonly List<string> _removed = [];
    private readonly HashSet<string> _goneMedia = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _redirectedFiles = new(StringComparer.Ordinal);
    private ExportScope? _scope;
    private int _fetched, _written, _unchanged, _kept, _deleted, _failed;

    /// <param name="app">A client whose base address is the running app.</param>
    /// <param name="settings">What to export, and where.</param>
    /// <param name="blobs">The app's blob store, to list a page's tiles (which only the deep-zoom viewer names).</param>
    /// <param name="editions">The app's published editions, whose pages' blobs are the only media the export keeps.</param>
    /// <param name="publicOrigins">The app's own public address (<c>Broadsheet:PublicUrl</c>), which its absolute URLs name instead of the client's.</param>
    public StaticExporter(HttpClient app, ExportSettings settings, IBlobStore blobs, IReaderEditions editions, IReadOnlyList<string>? publicOrigins = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        _app = app;
        _settings = settings;
        _blobs = blobs;
        _editions = editions;
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

        await WriteRedirectedFilesAsync(cancellationToken);
        Count(await _files.WriteAsync("search/index.html", Encoding.UTF8.GetBytes(SearchPage.Html), cancellationToken));
        // Not after a failed fetch, which could have left out what still exists.
        if (Volatile.Read(ref _failed) == 0)
        {
            if (scope is not null)
            {
                Prune(scope);
            }
            else if (_settings.Since is null)
            {
                SweepUnreached();
            }

            await SweepWithdrawnAsync(cancellationToken);
            await SweepMediaAsync(cancellationToken);
        }

        return Snapshot(null);
    }

    /// <summary>
    /// After a whole pass: deletes the files of the papers' pages, API, IIIF and sitemaps that no link reached any more
    /// (a withdrawn edition's, a month left with none). Other files of the folder (someone's own robots.txt) are not
    /// the export's to delete.
    /// </summary>
    private void SweepUnreached()
    {
        foreach (var slug in _files.Folders("api/v1/publications").Where(s => _settings.Publication is null || s == _settings.Publication))
        {
            foreach (var file in new[] { slug, $"api/v1/publications/{slug}", $"iiif/{slug}", $"sitemaps/{slug}" }.SelectMany(_files.List)
                .Append($"iiif/{slug}.json").Where(f => _files.Exists(f) && !_produced.Contains(f)).ToList())
            {
                Delete(file);
            }
        }
    }

    /// <summary>
    /// Deletes every file of the editions the export holds and the app no longer publishes (withdrawn, or gone with a
    /// replace): their pages (a day's, when no edition of it is left), API documents and IIIF manifests. Whatever the
    /// pass reached or kept (<c>--since</c> keeps older editions unread), what readers may no longer see goes.
    /// </summary>
    private async Task SweepWithdrawnAsync(CancellationToken cancellationToken)
    {
        foreach (var slug in _files.Folders("api/v1/publications").Where(s => _settings.Publication is null || s == _settings.Publication).ToList())
        {
            var listed = await _editions.ListAsync(slug, cancellationToken);
            var days = listed.Select(e => ReaderUrls.Date(e.Date)).ToHashSet(StringComparer.Ordinal);
            var named = listed.Select(e => ReaderUrls.Date(e.Date) + (e.Number == 1 ? "" : "_" + e.Number.ToString(CultureInfo.InvariantCulture))).ToHashSet(StringComparer.Ordinal);
            var editions = $"api/v1/publications/{slug}/editions";
            // The reader's folders are named as IIIF's: a day's first edition by its date, a later one by {date}_{n}.
            var gone = _files.Folders(slug).Where(d => EditionName().IsMatch(d) && !named.Contains(d)).Select(d => $"{slug}/{d}")
                .Concat(_files.Folders(editions).Where(d => EditionName().IsMatch(d) && !named.Contains(d)).Select(d => $"{editions}/{d}"))
                .Concat(_files.Folders($"iiif/{slug}").Where(d => EditionName().IsMatch(d) && !named.Contains(d)).Select(d => $"iiif/{slug}/{d}"))
                .ToList();
            // A day's first edition withdrawn and a later one kept: the day's URL, written this pass, leads to the later one.
            foreach (var file in gone.SelectMany(_files.List).Where(f => !(f.StartsWith(slug + "/", StringComparison.Ordinal) && f.EndsWith("index.html", StringComparison.Ordinal) && _produced.Contains(f) && days.Contains(f.Split('/')[1])))
                .Concat(_files.Files(editions).Where(f => f.EndsWith(".json", StringComparison.Ordinal) && EditionName().IsMatch(Path.GetFileNameWithoutExtension(f)) && !named.Contains(Path.GetFileNameWithoutExtension(f))))
                .ToList())
            {
                Delete(file);
            }
        }
    }

    /// <summary>
    /// Deletes the page images, tiles and PDFs no published edition uses any more (a withdrawn or replaced edition's;
    /// those it shares with an edition still published stay), and what was made from them that the deleted pages named
    /// (the whole edition's PDF, articles' share cards) unless one of its pages is still in use.
    /// </summary>
    private async Task SweepMediaAsync(CancellationToken cancellationToken)
    {
        var inUse = await _editions.BlobKeysAsync(cancellationToken);
        foreach (var root in new[] { "media/pages", "iiif/3/pages" })
        {
            foreach (var folder in _files.Folders(root).SelectMany(h2 => _files.Folders($"{root}/{h2}").Select(dir => $"{h2}/{dir}")).ToList())
            {
                if (!inUse.Contains($"pages/{folder}/"))
                {
                    DeleteAll($"{root}/{folder}");
                }
                else if (root == "media/pages")
                {
                    // Tiles are kept once, under iiif/3/ (ExportPaths.Fetched); an older export had them here too.
                    DeleteAll($"{root}/{folder}/tiles");
                }
            }
        }

        foreach (var pdf in _files.List("media/pdf").Where(f => !inUse.Contains(f["media/".Length..])).ToList())
        {
            Delete(pdf);
        }

        List<string> gone;
        lock (_goneMedia)
        {
            gone = [.. _goneMedia];
        }

        if (!gone.Any(k => k.StartsWith("pages/", StringComparison.Ordinal) && inUse.Contains(PageFolder(k))))
        {
            foreach (var made in gone.Where(k => !k.StartsWith("pages/", StringComparison.Ordinal) && !k.StartsWith("pdf/", StringComparison.Ordinal)))
            {
                if (_files.Exists("media/" + made))
                {
                    Delete("media/" + made);
                }
            }
        }
    }

    private void DeleteAll(string folder)
    {
        foreach (var file in _files.List(folder).ToList())
        {
            Delete(file);
        }
    }

    /// <summary>The derivatives folder (<c>pages/{h2}/{dir}/</c>) of a page's media key.</summary>
    private static string PageFolder(string key) => string.Join('/', key.Split('/').Take(3)) + "/";

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
        if (!file.StartsWith("media/", StringComparison.Ordinal) && !file.StartsWith("iiif/3/", StringComparison.Ordinal) && _files.Size(file) < 4 << 20)
        {
            // What a deleted page named among the media: made from its edition's pages, perhaps by nothing else.
            var text = File.ReadAllText(_files.PathOf(file));
            lock (_goneMedia)
            {
                foreach (Match media in MediaKey().Matches(text))
                {
                    _goneMedia.Add(media.Groups[1].Value);
                }
            }
        }

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
            if (file.EndsWith("index.html", StringComparison.Ordinal) || ExportPaths.File(target).EndsWith("index.html", StringComparison.Ordinal))
            {
                // To or from a page: a page that sends the browser on.
                Count(await _files.WriteAsync(file, Encoding.UTF8.GetBytes(SearchPage.Redirect(ExportPaths.Link(target))), cancellationToken));
            }
            else
            {
                // A file's URL (edition.pdf, an article's card.jpg, an old site's page image): a static host answers it
                // with a file, so it gets the target's bytes once the target is exported, never an HTML page.
                lock (_redirectedFiles)
                {
                    _redirectedFiles[file] = ExportPaths.File(target);
                }
            }

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
        links.AddRange(ExportPaths.EditionData(path));
        links.AddRange(await TilesAsync(path, cancellationToken));
        return links;
    }

    /// <summary>
    /// Writes at each redirected file's URL the bytes of the file its redirect leads to (through further redirects), now
    /// that the pass has exported them; unchanged bytes are not written again.
    /// </summary>
    private async Task WriteRedirectedFilesAsync(CancellationToken cancellationToken)
    {
        foreach (var (file, first) in _redirectedFiles)
        {
            var target = first;
            for (var hops = 0; hops < 8 && _redirectedFiles.TryGetValue(target, out var next); hops++)
            {
                target = next;
            }

            if (!_files.Exists(target) || _redirectedFiles.ContainsKey(target))
            {
                lock (_missing)
                {
                    _missing.Add($"/{file} (its redirect leads to no exported file)");
                }

                continue;
            }

            Count(await _files.WriteAsync(file, await File.ReadAllBytesAsync(_files.PathOf(target), cancellationToken), cancellationToken));
        }
    }

    /// <summary>A page's tiles, which only deep-zoom viewers name (from info.json), listed from the blob store.</summary>
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

        return [];
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
        var bare = Uri.UnescapeDataString(cut < 0 ? local : local[..cut]);
        if (bare.Length == 0 || ExportPaths.IsDynamic(bare))
        {
            return written;
        }

        var path = ExportPaths.Fetched(bare, QueryOf(local));

        var fragment = local.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? local[hash..] : "";
        if (ExportPaths.IsIdentifier(bare))
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

        var end = local.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(end < 0 ? local : local[..end]);
        return path.Length == 0 || ExportPaths.IsDynamic(path) ? null : ExportPaths.Fetched(path, QueryOf(local));
    }

    /// <summary>The query of a root-relative URL, with its '?', or null.</summary>
    private static string? QueryOf(string local)
    {
        var start = local.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = local.IndexOf('#', start);
        return end < 0 ? local[start..] : local[start..end];
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

    [GeneratedRegex(@"/(\d{4}-\d{2}-\d{2})(/|_|\?|$)")]
    private static partial Regex EditionDate();

    /// <summary>An edition's name in the export's folders: its date, and <c>_N</c> for a day's later edition.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(_[1-9][0-9]*)?$")]
    private static partial Regex EditionName();

    [GeneratedRegex(@"/media/((?:pages|pdf|editions|cards)/[^""'\s<>?#]+)")]
    private static partial Regex MediaKey();

    [GeneratedRegex(@"^/[a-z0-9-]+/\d{4}-\d{2}-\d{2}(_[1-9][0-9]*)?/[A-Za-z0-9]+/\d+/?$")]
    private static partial Regex ArticlePath();
}
