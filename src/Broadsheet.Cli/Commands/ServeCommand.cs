using System.CommandLine;
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
            RunAsync(CommonOptions.Folder(result, data).Root, result.GetRequiredValue(urls), cancellationToken)));
        return command;
    }

    public static async Task<int> RunAsync(string dataRoot, string urls, CancellationToken cancellationToken)
    {
        var app = BroadsheetWebHost.Create(["--Broadsheet:Data=" + dataRoot, "--urls=" + urls]);
        await app.StartAsync(cancellationToken);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Console.WriteLine($"Broadsheet is serving {dataRoot} at {url}/ (Ctrl+C to stop)");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
