using System.CommandLine;
using Broadsheet.Core.Ports;
using Broadsheet.Search;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Broadsheet.Cli.Commands;

/// <summary><c>broadsheet reindex</c>: builds the search index afresh from the database, with a progress bar.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };
        var command = new Command("reindex", "Rebuild the search index from every published edition (the server keeps serving the old index until the new one is complete).") { quiet, data };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var isQuiet = result.GetValue(quiet);
            await using var services = await CliServices.OpenAsync(CommonOptions.Folder(result, data), cancellationToken);
            SearchSync sync;
            try
            {
                sync = services.GetRequiredService<SearchSync>();
            }
            catch (SearchIndexInUseException ex)
            {
                throw new IOException($"{ex.Message}; stop the server first (it checks and rebuilds the index itself when it starts)", ex);
            }

            var total = await services.GetRequiredService<ISearchFeed>().CountPublishedArticlesAsync(cancellationToken);
            int count;
            if (isQuiet || !AnsiConsole.Profile.Capabilities.Interactive)
            {
                count = await sync.RebuildAsync(cancellationToken: cancellationToken);
            }
            else
            {
                count = 0;
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("indexing articles", maxValue: Math.Max(total, 1));
                        count = await sync.RebuildAsync(new Progress<int>(done => task.Value = done), cancellationToken);
                        task.Value = task.MaxValue;
                    });
            }

            if (!isQuiet)
            {
                Console.WriteLine($"Search index rebuilt: {count} articles.");
            }

            return 0;
        }));
        return command;
    }
}
