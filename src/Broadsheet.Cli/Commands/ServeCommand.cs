using System.CommandLine;
using Broadsheet.Core;
using Broadsheet.Web;
using Microsoft.Extensions.Hosting;

namespace Broadsheet.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var urls = CommonOptions.Urls();
        var logFormat = new Option<string>("--log-format")
        {
            Description = "How log entries are written to standard output: simple (a line or two for a person) or json (one JSON object a line, for a log collector).",
            DefaultValueFactory = _ => "simple",
            HelpName = "format",
        };
        logFormat.AcceptOnlyFromAmong("simple", "json");
        var command = new Command("serve", "Serve the reader, the API and the page images from a data folder.") { data, urls, logFormat };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(() =>
            RunAsync(CommonOptions.Folder(result, data), result.GetRequiredValue(urls), cancellationToken, result.GetRequiredValue(logFormat))));
        return command;
    }

    public static async Task<int> RunAsync(DataFolder folder, string urls, CancellationToken cancellationToken, string logFormat = "simple")
    {
        var dataRoot = folder.Root;
        string[] database = folder.Database is { } db ? ["--Broadsheet:Database=" + db] : [];
        // Only when asked: otherwise Logging:Console:FormatterName from appsettings or the environment still decides.
        string[] logging = logFormat == "json" ? ["--Logging:Console:FormatterName=json"] : [];
        var app = BroadsheetWebHost.Create(["--Broadsheet:Data=" + dataRoot, "--urls=" + urls, .. database, .. logging]);
        await app.StartAsync(cancellationToken);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Console.WriteLine($"Broadsheet is serving {dataRoot} at {url}/ (Ctrl+C to stop)");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
