using System.Diagnostics;
using System.Text;

namespace Broadsheet.Imaging.Rasterizing;

/// <summary>Runs a native tool to completion, with a time limit and cancellation that kill it.</summary>
internal static class ExternalTool
{
    /// <param name="environment">Variables set for the tool on top of this process's (e.g. a thread limit).</param>
    /// <param name="output">Receives what the tool writes to standard output, when given; otherwise it is discarded.</param>
    public static async Task<(int ExitCode, string Error)> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null,
        StringBuilder? output = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var error = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && error.Length < 4000)
            {
                error.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && output is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(fileName)} took longer than {timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, error.ToString().Trim());
    }
}
