using System.Collections.Concurrent;
using Broadsheet.Ingest;
using Spectre.Console;

namespace Broadsheet.Cli.Commands;

/// <summary>
/// Shows an import as a progress bar per page and stage on a terminal, or as one line per finished page
/// when the output is a file or a pipe; <c>--quiet</c> shows nothing.
/// </summary>
internal static class ImportProgressView
{
    private static readonly ImportStage[] PageStages = [ImportStage.ReadingText, ImportStage.Detecting, ImportStage.Rasterising, ImportStage.MakingImages, ImportStage.Storing];

    public static Task<ImportResult> RunAsync(EditionImporter importer, ImportRequest request, bool quiet, CancellationToken cancellationToken) =>
        RunAsync(importer.ImportAsync, request, quiet, cancellationToken);

    /// <summary>Shows <paramref name="import"/>, which is the import job or one that prepares a package for it.</summary>
    public static async Task<ImportResult> RunAsync(
        Func<ImportRequest, IProgress<ImportProgress>?, CancellationToken, Task<ImportResult>> import, ImportRequest request, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet)
        {
            return await import(request, null, cancellationToken);
        }

        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var printed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            var lines = new SynchronousProgress(p =>
            {
                if (p.Stage == ImportStage.Storing && p.PageLabel is not null && printed.TryAdd(p.PageLabel, true))
                {
                    Console.WriteLine($"  page {p.PageLabel} read ({printed.Count}/{p.PageCount})");
                }
            });
            return await import(request, lines, cancellationToken);
        }

        ImportResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var edition = context.AddTask("edition", maxValue: 1);
                var pages = new ConcurrentDictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress(p =>
                {
                    edition.Description = $"edition: {Describe(p.Stage)}";
                    if (p.PageLabel is not null && Array.IndexOf(PageStages, p.Stage) is var step and >= 0)
                    {
                        var task = pages.GetOrAdd(p.PageLabel, label => context.AddTask($"page {label}", maxValue: PageStages.Length));
                        task.Description = $"page {p.PageLabel}: {Describe(p.Stage)}";
                        task.Value = step + 1;
                    }

                    if (p.Stage == ImportStage.Done)
                    {
                        edition.Value = 1;
                    }
                });
                result = await import(request, progress, cancellationToken);
            });
        return result!;
    }

    private static string Describe(ImportStage stage) => stage switch
    {
        ImportStage.Unpacking => "unpacking",
        ImportStage.Validating => "validating",
        ImportStage.Rasterising => "rendering",
        ImportStage.ReadingText => "reading text",
        ImportStage.Detecting => "finding articles",
        ImportStage.MakingImages => "making images and tiles",
        ImportStage.Storing => "stored",
        ImportStage.Saving => "saving",
        _ => "published",
    };

    /// <summary>Reports on the importer's thread, so the bars move as the work happens.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        private readonly Lock _gate = new();

        public void Report(ImportProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
