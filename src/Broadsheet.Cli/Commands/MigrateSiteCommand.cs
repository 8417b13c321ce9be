using System.CommandLine;
using Broadsheet.Ingest.Archives.Sites;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Broadsheet.Cli.Commands;

/// <summary>
/// <c>broadsheet migrate-site &lt;dir&gt; --publication &lt;slug&gt;</c>: an old Founder-style e-paper site saved by
/// <c>wget -m</c>, every edition through the import job with the site's own articles, and its old addresses
/// recorded for the reader's 301s. One progress bar, one line per edition; resumable; an edition refused is one
/// line on stderr naming the file, and the others go on (exit code 1 when any was refused).
/// </summary>
internal static class MigrateSiteCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var source = new Argument<string>("mirror-folder") { Description = "The folder wget -m saved the site into (or the host folder in it): node_N.htm page views with image maps, content_N.htm articles, page images and PDFs, dated by their path (html/2015-03/08/, 20150308/); docs/formats.md." };
        var publication = new Option<string>("--publication") { Description = "Slug of the publication the site's editions belong to.", Required = true, HelpName = "slug" };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };

        var command = new Command("migrate-site", "Import every edition of an old e-paper site saved to disk, skipping those already in, and redirect its old addresses to the new permalinks.") { source, publication, quiet, data };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var folder = Path.GetFullPath(result.GetRequiredValue(source));
            var slug = result.GetRequiredValue(publication);
            var isQuiet = result.GetValue(quiet);
            SearchCatchUp.StartWarmUp();
            await using var services = await CliServices.OpenAsync(CommonOptions.Folder(result, data), cancellationToken);
            var migrator = services.GetRequiredService<SiteMigrator>();
            var done = isQuiet || !AnsiConsole.Profile.Capabilities.Interactive
                ? await migrator.MigrateAsync(folder, slug, isQuiet ? null : new Lines(), cancellationToken)
                : await WithBarAsync(migrator, folder, slug, cancellationToken);
            if (!isQuiet)
            {
                Console.WriteLine($"Site: {done.Imported} editions imported ({done.Pages} pages, {done.Articles} articles), {done.Skipped} already in, {done.Refused.Count} refused; {done.Links} old links redirect.");
                foreach (var warning in done.Warnings)
                {
                    Console.WriteLine("  warning: " + warning);
                }
            }

            foreach (var line in done.Refused)
            {
                await Console.Error.WriteLineAsync("broadsheet: " + line.ReplaceLineEndings(" "));
            }

            await SearchCatchUp.RunAsync(services, isQuiet, cancellationToken);
            return done.Refused.Count > 0 ? 1 : 0;
        }));
        return command;
    }

    private static async Task<SiteResult> WithBarAsync(SiteMigrator migrator, string folder, string slug, CancellationToken cancellationToken)
    {
        SiteResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("site", maxValue: 1);
                var gate = new Lock();
                var progress = new Reporter(p =>
                {
                    lock (gate)
                    {
                        bar.MaxValue = Math.Max(1, p.Total);
                        // Within an edition the bar moves by its pages, so a long edition does not look stuck.
                        var within = p.Edition is { PageCount: > 0 } edition ? (double)edition.PagesDone / edition.PageCount : 0;
                        bar.Value = p.Line is null ? p.Done + Math.Min(0.99, within) : p.Done;
                        bar.Description = $"site: {p.Done}/{p.Total} editions";
                        if (p.Line is not null)
                        {
                            AnsiConsole.MarkupLine(Markup.Escape("  " + p.Line));
                        }
                    }
                });
                result = await migrator.MigrateAsync(folder, slug, progress, cancellationToken);
            });
        return result!;
    }

    /// <summary>Without a terminal: the edition lines only.</summary>
    private sealed class Lines : IProgress<SiteProgress>
    {
        public void Report(SiteProgress value)
        {
            if (value.Line is not null)
            {
                Console.WriteLine($"  [{value.Done}/{value.Total}] {value.Line}");
            }
        }
    }

    private sealed class Reporter(Action<SiteProgress> report) : IProgress<SiteProgress>
    {
        public void Report(SiteProgress value) => report(value);
    }
}
