using System.Globalization;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Hosting;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>
/// Keeps <see cref="ExportOptions.Directory"/> up to date while the server runs: it looks at the editions' stamps as the
/// reader cache's watcher does (so a publish at the desk, a scheduled one, a withdrawal, a desk edit and an import by the
/// command line are all seen), and exports again only the editions whose stamp changed, their neighbours and the pages
/// that list them (<see cref="ExportScope"/>), then rebuilds Pagefind's index. What it last exported is kept in
/// <c>export-state.json</c> in the data folder, so a restart catches up with what changed while it was down; the first
/// run, a new export folder or a new build of the app (whose markup may differ) exports everything, writing only the
/// files whose bytes changed. Where several web nodes share the database, the one holding the lease does it.
/// </summary>
internal sealed class ExportFollower(
    IOptions<ExportOptions> options,
    IOptions<BroadsheetWebOptions> web,
    PublishedEditions editions,
    IReaderEditions published,
    IServer server,
    IBlobStore blobs,
    INodeLease lease,
    IReaderCache cache,
    PublicOrigin origin,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ExportFollower> logger) : BackgroundService
{
    private static readonly string Build = typeof(ExportFollower).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The export reads the app over HTTP: not before it listens.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try
            {
                await using var held = await lease.TryTakeAsync("static-export", stoppingToken);
                if (held is not null)
                {
                    await PassAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The state is saved only after a pass that finished: the next look tries the same changes again.
                logger.LogError(e, "The static export in {Directory} failed; trying again in {Seconds} s", options.Value.Directory, options.Value.PollSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look: exports what changed since the state saved last, if anything did.</summary>
    internal async Task<ExportProgress?> PassAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.Directory!);
        var statePath = Path.Combine(Path.GetFullPath(web.Value.Data), "export-state.json");
        var saved = await ReadStateAsync(statePath, cancellationToken);
        var stamps = (await editions.StampsAsync(cancellationToken)).ToDictionary(Key, Value, StringComparer.Ordinal);
        var whole = saved is null || saved.Directory != directory || saved.Build != Build || !File.Exists(Path.Combine(directory, "index.html"));
        var changed = whole ? [] : Changed(saved!.Stamps, stamps);
        if (!whole && changed.Count == 0)
        {
            return null;
        }

        using var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // The app's own certificate, on loopback, when it listens on HTTPS only.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        })
        { BaseAddress = AppAddress(), Timeout = TimeSpan.FromMinutes(5) };
        var publicUrl = options.Value.PublicUrl ?? origin.Prefix;
        var exporter = new StaticExporter(client, new ExportSettings(directory, PublicUrl: publicUrl), blobs, published, origin.Prefix is { } prefix ? [prefix] : []);
        ExportProgress done;
        if (whole)
        {
            var slugs = (await editions.MonthsAsync(cancellationToken)).Select(m => m.Slug).Distinct(StringComparer.Ordinal).ToList();
            done = await exporter.RunAsync(slugs, null, cancellationToken);
        }
        else
        {
            // The reader cache's own watcher may not have looked yet: a cached calendar must not be exported stale.
            foreach (var (slug, date) in changed)
            {
                await cache.InvalidateAsync(slug, date, cancellationToken);
            }

            done = await exporter.RunAsync(new ExportScope(changed, await NeighboursAsync(changed, cancellationToken)), null, cancellationToken);
        }

        logger.LogInformation(
            "Static export in {Directory} ({What}): {Written} files written, {Unchanged} unchanged, {Kept} kept, {Deleted} deleted",
            directory, whole ? "everything" : string.Join(", ", changed.Select(c => $"{c.Slug} {ReaderUrls.Date(c.Date)}")), done.Written, done.Unchanged, done.Kept, done.Deleted);
        foreach (var deleted in exporter.Deleted)
        {
            logger.LogDebug("Static export: {File} deleted", deleted);
        }

        foreach (var missing in exporter.Missing.Where(m => !m.EndsWith("(404)", StringComparison.Ordinal)))
        {
            logger.LogWarning("Static export: {Path} did not answer, left out", missing);
        }

        if ((done.Written > 0 || done.Deleted > 0 || !Directory.Exists(Path.Combine(directory, "pagefind"))) && PagefindIndex.Find(options.Value.Pagefind) is { } pagefind)
        {
            await PagefindIndex.BuildAsync(pagefind, directory, cancellationToken);
        }

        await WriteStateAsync(statePath, new ExportState(directory, Build, stamps), cancellationToken);
        return done;
    }

    /// <summary>The editions a reader could see before or after whose stamp differs (published, changed, withdrawn or gone).</summary>
    private static List<(string Slug, DateOnly Date)> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var old) || !after.TryGetValue(k, out var now) || old != now)
            .Where(k => IsPublished(before.GetValueOrDefault(k)) || IsPublished(after.GetValueOrDefault(k)))
            .Select(k => k.Split('|'))
            .Select(p => (p[0], DateOnly.ParseExact(p[1], "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Distinct()];

    /// <summary>The published editions just before and after each changed one: their 上一期/下一期 links name it.</summary>
    private async Task<List<(string Slug, DateOnly Date)>> NeighboursAsync(List<(string Slug, DateOnly Date)> changed, CancellationToken cancellationToken)
    {
        var neighbours = new List<(string, DateOnly)>();
        foreach (var group in changed.GroupBy(c => c.Slug, StringComparer.Ordinal))
        {
            var dates = (await editions.ListAsync(group.Key, cancellationToken)).Select(e => e.Date).Distinct().Order().ToList();
            foreach (var (_, date) in group)
            {
                if (dates.LastOrDefault(d => d < date) is var before && before != default)
                {
                    neighbours.Add((group.Key, before));
                }

                if (dates.FirstOrDefault(d => d > date) is var after && after != default)
                {
                    neighbours.Add((group.Key, after));
                }
            }
        }

        return neighbours;
    }

    private Uri AppAddress()
    {
        if (options.Value.AppUrl is { } configured)
        {
            return new Uri(configured);
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server listens on no address the static export could read it from; set Broadsheet:Export:AppUrl.");
        var url = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (url.Host is "0.0.0.0" or "[::]" or "::")
        {
            url.Host = "127.0.0.1";
        }

        return url.Uri;
    }

    private static string Key(EditionStampRow row) => $"{row.Slug}|{ReaderUrls.Date(row.Date)}|{row.Number.ToString(CultureInfo.InvariantCulture)}";

    private static string Value(EditionStampRow row) => string.Create(CultureInfo.InvariantCulture,
        $"{row.Status}|{row.Id}|{row.PublishedAt?.UtcTicks}|{row.CreatedAt.UtcTicks}|{row.ChangedAt?.UtcTicks}");

    private static bool IsPublished(string? value) => value?.StartsWith(nameof(EditionStatus.Published) + "|", StringComparison.Ordinal) == true;

    private static async Task<ExportState?> ReadStateAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<ExportState>(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return null; // a damaged state: everything is exported again, which writes only what differs
        }
    }

    private static async Task WriteStateAsync(string path, ExportState state, CancellationToken cancellationToken)
    {
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(state), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>What the export folder holds: the stamps of the editions as last exported, by the app build that exported them.</summary>
    internal sealed record ExportState(string Directory, string Build, Dictionary<string, string> Stamps);
}

internal static class ExportFollowerRegistration
{
    /// <summary>Registers <see cref="ExportFollower"/> when <c>Broadsheet:Export:Directory</c> is set.</summary>
    public static IServiceCollection AddStaticExportFollower(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!string.IsNullOrWhiteSpace(configuration[ExportOptions.Section + ":Directory"]))
        {
            services.AddHostedService<ExportFollower>();
        }

        return services;
    }
}
