using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Broadsheet.Core.Ports;

namespace Broadsheet.Imaging.Rasterizing;

/// <summary>
/// Runs a native tool to completion, with a time limit and cancellation that kill it, and optionally under
/// <see cref="ToolLimits"/>: through util-linux's <c>prlimit</c>, which sets the limits and then becomes the
/// tool, so an allocation past the memory limit fails inside the tool and its CPU time is capped too.
/// </summary>
internal static class ExternalTool
{
    private const string Prlimit = "/usr/bin/prlimit";

    /// <summary>How a run ended. <see cref="CpuExhausted"/>: the kernel stopped it at its CPU limit.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        // SIGXCPU at the soft limit (128 + 24), SIGKILL at the hard one (128 + 9).
        public bool CpuExhausted => ExitCode is 152 or 137;
    }

    /// <param name="fileName">The tool, by path or by name on the PATH.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="timeout">How long it may run.</param>
    /// <param name="cancellationToken">Kills the tool.</param>
    /// <param name="environment">Variables set for the tool on top of this process's (e.g. a thread limit).</param>
    /// <param name="output">Receives all the tool writes to standard output, when given; otherwise it is discarded.</param>
    public static async Task<(int ExitCode, string Error)> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null,
        StringBuilder? output = null)
    {
        var outcome = await RunAsync(fileName, arguments, new ToolLimits(timeout, 0), cancellationToken, environment, output is null ? OutputLimit : int.MaxValue);
        output?.Append(outcome.Output);
        return (outcome.ExitCode, outcome.Error);
    }

    /// <summary>How much of a tool's standard output (and error) is kept unless the caller asks for all of it.</summary>
    private const int OutputLimit = 16_000;

    /// <param name="fileName">The tool, by path or by name on the PATH.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="limits">Wall time always; memory (and CPU time) when <see cref="ToolLimits.MemoryBytes"/> is positive and prlimit is installed.</param>
    /// <param name="cancellationToken">Kills the tool.</param>
    /// <exception cref="Win32Exception">The tool is not installed.</exception>
    /// <param name="environment">Variables set for the tool on top of this process's.</param>
    /// <param name="outputLimit">How many characters of standard output to keep.</param>
    /// <exception cref="TimeoutException">It ran past <see cref="ToolLimits.Timeout"/> and was killed.</exception>
    public static async Task<Outcome> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        ToolLimits limits,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null,
        int outputLimit = OutputLimit)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var tool = Resolve(fileName) ?? throw new Win32Exception(2, $"{fileName} is not installed");
        var limited = limits.MemoryBytes > 0 && File.Exists(Prlimit);
        var start = new ProcessStartInfo(limited ? Prlimit : tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (limited)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling(limits.Timeout.TotalSeconds));
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--as={limits.MemoryBytes}"));
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--cpu={seconds}"));
            // A tool stopped at its CPU limit would otherwise leave a core dump in the working folder.
            start.ArgumentList.Add("--core=0");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(tool);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.ErrorDataReceived += (_, e) => Append(error, e.Data, OutputLimit);
        process.OutputDataReceived += (_, e) => Append(output, e.Data, outputLimit);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(limits.Timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(fileName)} took longer than {limits.Timeout.TotalSeconds:0} s."));
        }

        // The parameterless wait also waits for the redirected streams to be read to their end.
        await process.WaitForExitAsync(CancellationToken.None);
        lock (output)
        {
            lock (error)
            {
                return new Outcome(process.ExitCode, output.ToString().Trim(), error.ToString().Trim());
            }
        }
    }

    private static void Append(StringBuilder text, string? line, int limit)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            if (text.Length < limit)
            {
                text.AppendLine(line);
            }
        }
    }

    /// <summary>The tool's full path: as given when it holds a folder, else the first match on the PATH.</summary>
    private static string? Resolve(string fileName)
    {
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(fileName) ? fileName : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists);
    }
}
