using System.Diagnostics;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>Pagefind's search index over an export's articles (the pages marked <c>data-pagefind-body</c>), built by its binary.</summary>
internal static class PagefindIndex
{
    /// <summary>The binary: <paramref name="given"/>, else the one installed beside broadsheet, else <c>pagefind</c> on PATH; null when there is none.</summary>
    public static string? Find(string? given) =>
        given ?? new[] { Path.Combine(AppContext.BaseDirectory, "pagefind", "pagefind_extended") }.FirstOrDefault(File.Exists) ?? OnPath("pagefind");

    /// <summary>Builds the index into <c>pagefind/</c> of <paramref name="directory"/>; returns Pagefind's output.</summary>
    public static async Task<string> BuildAsync(string binary, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--site");
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new IOException($"Pagefind ({binary}) did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new IOException($"Pagefind ({binary}) failed: {(await errors).ReplaceLineEndings(" ").Trim()}");
        }

        return await output;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
