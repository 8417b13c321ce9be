using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Broadsheet.Cli.Tests;

/// <summary>`broadsheet serve --log-format json` writes its log entries as one JSON object a line, for a log collector.</summary>
public sealed class LogFormatTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("broadsheet-cli-logs-").FullName;

    [Fact]
    public async Task Serve_with_log_format_json_writes_each_entry_as_one_JSON_object()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(BroadsheetProcess.StartInfo(null, ["serve", "--data", Path.Combine(_root, "data"), "--urls", url, "--log-format", "json"]))!;
        var lines = new List<string>();
        var started = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    started.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromMinutes(5));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        string[] logged;
        lock (lines)
        {
            // The one line the command prints itself (where it serves) is not a log entry.
            logged = [.. lines.Where(l => !l.StartsWith("Broadsheet is serving", StringComparison.Ordinal) && l.Length > 0)];
        }

        Assert.True(logged.Length > 0, "nothing was logged: " + await errors);
        var entries = logged.Select(l => JsonDocument.Parse(l)).ToList();
        Assert.Contains(entries, e => e.RootElement.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
            && e.RootElement.GetProperty("LogLevel").GetString() == "Information");
        entries.ForEach(e => e.Dispose());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
