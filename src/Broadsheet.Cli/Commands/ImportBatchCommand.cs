using System.CommandLine;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Archives;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Broadsheet.Cli.Commands;

/// <summary>
/// <c>broadsheet import-batch &lt;dir&gt;</c>: a library's METS/ALTO batch (NDNP layout), issue by issue through the import
/// job; one progress bar for the batch and one line per issue, resumable (issues already in are skipped).
/// </summary>
internal static class ImportBatchCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var source = new Argument<string>("batch-folder") { Description = "An NDNP batch: the folder holding batch.xml (or data/batch.xml), whose issue METS list each page's image (TIFF, JPEG 2000, JPEG, PNG), PDF and ALTO (docs/formats.md)." };
        var publication = new Option<string>("--publication") { Description = "Slug of the publication the batch's issues belong to.", Required = true, HelpName = "slug" };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };

        var command = new Command("import-batch", "Import a library's METS/ALTO batch, every issue, skipping those already in; publish and index them for search.") { source, publication, quiet, data };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var folder = Path.GetFullPath(result.GetRequiredValue(source));
            var slug = result.GetRequiredValue(publication);
            var isQuiet = result.GetValue(quiet);
            SearchCatchUp.StartWarmUp();
            await using var services = await CliServices.OpenAsync(CommonOptions.Folder(result, data), cancellationToken);
            var importer = services.GetRequiredService<BatchImporter>();
            var done = isQuiet || !AnsiConsole.Profile.Capabilities.Interactive
                ? await importer.ImportAsync(folder, slug, isQuiet ? null : new Lines(), cancellationToken)
                : await WithBarAsync(importer, folder, slug, cancellationToken);
            if (!isQuiet)
            {
                Console.WriteLine($"Batch: {done.Imported} issues imported ({done.Pages} pages, {done.Articles} articles), {done.Skipped} already in.");
                foreach (var warning in done.Warnings)
                {
                    Console.WriteLine("  warning: " + warning);
                }
            }

            await SearchCatchUp.RunAsync(services, isQuiet, cancellationToken);
            return 0;
        }));
        return command;
    }

    private static async Task<BatchResult> WithBarAsync(BatchImporter importer, string folder, string slug, CancellationToken cancellationToken)
    {
        BatchResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("batch", maxValue: 1);
                var progress = new Reporter(p =>
                {
                    bar.MaxValue = Math.Max(1, p.Total);
                    // Within an issue the bar moves by its pages, so a long issue does not look stuck.
                    var within = p.Issue is { PageCount: > 0 } issue ? (double)issue.PagesDone / issue.PageCount : 0;
                    bar.Value = p.Line is null ? p.Done + Math.Min(0.99, within) : p.Done;
                    bar.Description = $"batch: {p.Done}/{p.Total} issues";
                    if (p.Line is not null)
                    {
                        AnsiConsole.MarkupLine(Markup.Escape("  " + p.Line));
                    }
                });
                result = await importer.ImportAsync(folder, slug, progress, cancellationToken);
            });
        return result!;
    }

    /// <summary>Without a terminal: the issue lines only.</summary>
    private sealed class Lines : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            if (value.Line is not null)
            {
                Console.WriteLine($"  [{value.Done}/{value.Total}] {value.Line}");
            }
        }
    }

    private sealed class Reporter(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        private readonly Lock _gate = new();

        public void Report(BatchProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
