using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Broadsheet.Core;
using Broadsheet.Core.Ports;
using Broadsheet.Web;
using Broadsheet.Web.OpenData.Export;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Cli.Commands;

/// <summary>
/// <c>broadsheet export &lt;dir&gt; [--publication slug] [--since yyyy-MM-dd]</c>: the reader as plain files for nginx
/// or a CDN, read from the app started here on a loopback port; then Pagefind's index over the articles.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var directory = new Argument<string>("dir") { Description = "The folder to write the export into (created when missing; files already there are rewritten only when they change)." };
        var publication = new Option<string?>("--publication") { Description = "Only this paper (its slug).", HelpName = "slug" };
        var since = new Option<string?>("--since") { Description = "Fetch only editions of this date or later again; older ones are kept as exported before.", HelpName = "yyyy-MM-dd" };
        var publicUrl = new Option<string?>("--public-url") { Description = "Where the export will be served (for sitemaps and feeds, which need absolute URLs).", HelpName = "url" };
        var pagefind = new Option<string?>("--pagefind") { Description = "The Pagefind binary (default: the one installed beside broadsheet, then pagefind on PATH).", HelpName = "path" };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };
        var command = new Command("export", "Write the reader as plain files (pages, articles, spreads, calendars, images, tiles, JSON, feeds, sitemaps) that nginx or a CDN serves as they are.")
        {
            directory, publication, since, publicUrl, pagefind, quiet, data,
        };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            DateOnly? from = null;
            if (result.GetValue(since) is { } text)
            {
                from = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new IOException($"--since '{text}' is not a date of the form yyyy-MM-dd");
            }

            var settings = new ExportSettings(result.GetRequiredValue(directory), result.GetValue(publication), from, result.GetValue(publicUrl));
            return await RunAsync(CommonOptions.Folder(result, data), settings, result.GetValue(pagefind), result.GetValue(quiet), cancellationToken);
        }));
        return command;
    }

    private static async Task<int> RunAsync(DataFolder folder, ExportSettings settings, string? pagefind, bool quiet, CancellationToken cancellationToken)
    {
        string[] database = folder.Database is { } db ? ["--Broadsheet:Database=" + db] : [];
        await using var app = BroadsheetWebHost.Create(["--Broadsheet:Data=" + folder.Root, "--urls=http://127.0.0.1:0", "--Broadsheet:SweepBlobsOnStart=false",
            // This app is read by this command; a server's own export (set in the environment) is not its business.
            "--Broadsheet:Export:Directory=",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning", .. database]);
        await app.StartAsync(cancellationToken);
        var started = Stopwatch.StartNew();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        var editions = app.Services.GetRequiredService<IReaderEditions>();
        var slugs = (await editions.MonthsAsync(cancellationToken)).Select(m => m.Slug).Distinct(StringComparer.Ordinal).ToList();
        if (settings.Publication is { } chosen && !slugs.Contains(chosen))
        {
            throw new IOException($"there is no publication '{chosen}' with a published edition in {folder.Root}");
        }

        var exporter = new StaticExporter(client, settings, app.Services.GetRequiredService<IBlobStore>(), editions);
        var progress = quiet || Console.IsErrorRedirected ? null : new Progress<ExportProgress>(p => Console.Error.Write($"\r{p.Fetched} fetched, {p.Written} written, {p.Unchanged} unchanged, {p.Kept} kept, {p.Deleted} deleted   "));
        var done = await exporter.RunAsync(slugs, progress, cancellationToken);
        await app.StopAsync(cancellationToken);
        if (!quiet)
        {
            if (progress is not null)
            {
                Console.Error.WriteLine();
            }

            Console.WriteLine($"Exported to {Path.GetFullPath(settings.Directory)} in {started.Elapsed.TotalSeconds:0.0} s: {done.Written} files written, {done.Unchanged} unchanged, {done.Kept} kept without fetching, {done.Deleted} deleted.");
            foreach (var missing in exporter.Missing)
            {
                Console.WriteLine($"  not found in the app, left out: {missing}");
            }
        }

        await PagefindAsync(settings.Directory, pagefind, rebuild: done.Written > 0 || done.Deleted > 0, quiet, cancellationToken);
        return 0;
    }

    /// <summary>Builds the search index on the export when anything was written or deleted (an unchanged export keeps its index).</summary>
    private static async Task PagefindAsync(string directory, string? given, bool rebuild, bool quiet, CancellationToken cancellationToken)
    {
        if (PagefindIndex.Find(given) is not { } binary)
        {
            Console.WriteLine("No Pagefind found (--pagefind, or scripts/install-deps installs it beside broadsheet): the export's search page will say it has no index.");
            return;
        }

        if (!rebuild && Directory.Exists(Path.Combine(directory, "pagefind")))
        {
            return;
        }

        await PagefindIndex.BuildAsync(binary, directory, cancellationToken);
        if (!quiet)
        {
            Console.WriteLine($"Search index built by Pagefind in {Path.Combine(directory, "pagefind")}.");
        }
    }
}
