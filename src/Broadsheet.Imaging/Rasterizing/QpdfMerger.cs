using System.Globalization;
using Broadsheet.Core.Ports;

namespace Broadsheet.Imaging.Rasterizing;

/// <summary>Merges with <c>qpdf --empty --pages … --</c>, falling back to <c>mutool merge</c> where qpdf is missing.</summary>
internal sealed class QpdfMerger : IPdfMerger
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public async Task MergeAsync(IReadOnlyList<string> inputPaths, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputPaths);
        if (inputPaths.Count == 0)
        {
            throw new ArgumentException("There is nothing to merge.", nameof(inputPaths));
        }

        var (tool, arguments) = File.Exists("/usr/bin/qpdf") || !File.Exists("/usr/bin/mutool")
            ? ("qpdf", (IReadOnlyList<string>)["--empty", "--pages", .. inputPaths, "--", outputPath])
            : ("mutool", ["merge", "-o", outputPath, .. inputPaths]);
        var (exitCode, error) = await ExternalTool.RunAsync(tool, arguments, Timeout, cancellationToken);
        // qpdf exits with 3 for warnings (a damaged but readable input); the output is still written.
        if (exitCode is not 0 and not 3 || !File.Exists(outputPath))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{tool} could not merge {inputPaths.Count} PDFs (exit {exitCode}): {error}"));
        }
    }
}
