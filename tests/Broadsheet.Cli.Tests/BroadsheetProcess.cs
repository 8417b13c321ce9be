using System.Diagnostics;
using System.Reflection;

namespace Broadsheet.Cli.Tests;

/// <summary>Runs the real `broadsheet` program (built beside the tests) as a separate process.</summary>
internal static class BroadsheetProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Task<Outcome> RunAsync(params string[] arguments) => RunInAsync(null, arguments);

    /// <param name="tempDirectory">The process's temporary folder (TMPDIR), so a test can see what it leaves there; null for the usual one.</param>
    /// <param name="arguments">The command line after <c>broadsheet</c>.</param>
    public static Task<Outcome> RunInAsync(string? tempDirectory, params string[] arguments) =>
        RunInAsync(tempDirectory, new Dictionary<string, string>(), arguments);

    /// <param name="tempDirectory">The process's temporary folder, or null.</param>
    /// <param name="environment">Settings in environment form (<c>Broadsheet__Ingest__MaxPages</c>).</param>
    /// <param name="arguments">The command line after <c>broadsheet</c>.</param>
    public static async Task<Outcome> RunInAsync(string? tempDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = StartInfo(tempDirectory, arguments);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await WaitAsync(process, arguments);
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>Runs the program with <paramref name="input"/> as its standard input.</summary>
    public static async Task<Outcome> RunWithInputAsync(string input, params string[] arguments)
    {
        var start = StartInfo(null, arguments);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await WaitAsync(process, arguments);
        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Waits for the program, generously: on a shared machine at load 20 and more an 8-page import has taken over
    /// 3 minutes. A run that never ends is killed, so it cannot outlive the test, and fails the test by name.
    /// </summary>
    private static async Task WaitAsync(Process process, IEnumerable<string> arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"broadsheet {string.Join(' ', arguments)} still ran after 15 minutes; killed");
        }
    }

    /// <summary>
    /// The command's own build (ReadyToRun in Release: a process the suite starts then spends its CPU on the command's
    /// work, not on the JIT); the copy beside the tests where that build is not there.
    /// </summary>
    private static string Program { get; } =
        typeof(BroadsheetProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == "BroadsheetProgram" && File.Exists(a.Value)).Select(a => a.Value!).FirstOrDefault()
        ?? Path.Combine(AppContext.BaseDirectory, "broadsheet.dll");

    public static ProcessStartInfo StartInfo(string? tempDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (tempDirectory is not null)
        {
            start.Environment["TMPDIR"] = tempDirectory;

            // The runtime's own diagnostics socket would otherwise sit in TMPDIR; the tests look for the program's files.
            start.Environment["DOTNET_EnableDiagnostics"] = "0";
        }

        return start;
    }
}
