using System.Diagnostics;
using System.Globalization;

namespace Broadsheet.Ingest.Archives;

/// <summary>
/// JPEG 2000 page images (NDNP's service copies) turned into PNG for the import job, since Debian's libvips reads no
/// JPEG 2000: OpenJPEG's <c>opj_decompress</c> (package libopenjp2-tools), else MuPDF's <c>mutool draw</c>.
/// </summary>
internal static class Jp2Decoder
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task DecodeAsync(string jp2, string png, string name, CancellationToken cancellationToken)
    {
        var attempts = new (string Tool, string[] Arguments)[]
        {
            ("opj_decompress", ["-quiet", "-i", jp2, "-o", png]),
            ("mutool", ["draw", "-q", "-o", png, jp2]),
        };
        var failures = new List<string>();
        foreach (var (tool, arguments) in attempts)
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                failures.Add($"{tool} is not installed");
                continue;
            }

            using (process)
            {
                var error = process.StandardError.ReadToEndAsync(cancellationToken);
                _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Limit);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    cancellationToken.ThrowIfCancellationRequested();
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{tool} took longer than {Limit.TotalMinutes:0} minutes"));
                    continue;
                }

                if (process.ExitCode == 0 && File.Exists(png) && new FileInfo(png).Length > 0)
                {
                    return;
                }

                var said = (await error).Trim().Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim();
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{tool} exited with {process.ExitCode}{(said is null ? "" : $": {said}")}"));
            }
        }

        throw new ImportException($"{name}: the JPEG 2000 image could not be decoded ({string.Join("; ", failures)})");
    }
}
