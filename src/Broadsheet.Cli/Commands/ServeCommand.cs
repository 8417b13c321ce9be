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
        var command = new Command("serve", "Serve the reader, the API and the page images from a data folder.") { data, urls };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(() =>
            RunAsync(CommonOptions.Folder(result, data), result.GetRequiredValue(urls), cancellationToken)));
        return command;
    }

    public static async Task<int> RunAsync(DataFolder folder, string urls, CancellationToken cancellationToken)
    {
        var dataRoot = folder.Root;
        string[] database = folder.Database is { } db ? ["--Broadsheet:Database=" + db] : [];
        var app = BroadsheetWebHost.Create(["--Broadsheet:Data=" + dataRoot, "--urls=" + urls, .. database]);
        await app.StartAsync(cancellationToken);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Console.WriteLine($"Broadsheet is serving {dataRoot} at {url}/ (Ctrl+C to stop)");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
