using System.ComponentModel;
using System.Globalization;
using Broadsheet.Core.Ports;
using Microsoft.Extensions.Options;

namespace Broadsheet.Imaging.Rasterizing;

/// <summary>
/// Rasterises PDF pages to binary PPM with MuPDF's <c>mutool draw</c>, falling back to poppler's <c>pdftoppm</c>
/// when mutool is not installed or fails on a page (it is stricter with some damaged files).
/// </summary>
internal sealed class PdfRasterizer(IOptions<RasterizerOptions> options) : IPageRasterizer
{
    private readonly RasterizerOptions _options = options.Value;

    public async Task<RasterizedPage> RasterizeAsync(string pdfPath, int pageNumber, int widthPx, string outputPath, ToolLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= new ToolLimits(_options.Timeout, _options.MemoryBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthPx, 20000);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);

        var mutoolError = await TryMutoolAsync(pdfPath, pageNumber, widthPx, outputPath, limits, cancellationToken);
        if (mutoolError is null)
        {
            return Result(outputPath);
        }

        var popplerError = await TryPdftoppmAsync(pdfPath, pageNumber, widthPx, outputPath, limits, cancellationToken);
        if (popplerError is null)
        {
            return Result(outputPath);
        }

        throw new InvalidDataException(
            $"{Path.GetFileName(pdfPath)}: page {pageNumber} could not be rendered (mutool: {mutoolError}; pdftoppm: {popplerError}).");
    }

    private static RasterizedPage Result(string path)
    {
        var (width, height) = RasterHeader.ReadSize(path);
        return new RasterizedPage(path, width, height);
    }

    private async Task<string?> TryMutoolAsync(string pdf, int page, int width, string output, ToolLimits limits, CancellationToken cancellationToken)
    {
        string[] arguments = ["draw", "-q", "-F", "pnm", "-c", "rgb", "-w", Invariant(width), "-o", output, pdf, Invariant(page)];
        return await TryRunAsync(_options.MutoolPath, arguments, output, limits, cancellationToken);
    }

    private async Task<string?> TryPdftoppmAsync(string pdf, int page, int width, string output, ToolLimits limits, CancellationToken cancellationToken)
    {
        // pdftoppm writes PPM by default and appends ".ppm" to the prefix it is given.
        var prefix = output.EndsWith(".ppm", StringComparison.OrdinalIgnoreCase) ? output[..^4] : output;
        string[] arguments = ["-singlefile", "-f", Invariant(page), "-l", Invariant(page), "-scale-to-x", Invariant(width), "-scale-to-y", "-1", pdf, prefix];
        var error = await TryRunAsync(_options.PdftoppmPath, arguments, prefix + ".ppm", limits, cancellationToken);
        if (error is null && !string.Equals(prefix + ".ppm", output, StringComparison.Ordinal))
        {
            File.Move(prefix + ".ppm", output, overwrite: true);
        }

        return error;
    }

    private static async Task<string?> TryRunAsync(string tool, IReadOnlyList<string> arguments, string expectedOutput, ToolLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ExternalTool.RunAsync(tool, arguments, limits, cancellationToken);
            var outOfMemory = outcome.Error.Contains("out of memory", StringComparison.OrdinalIgnoreCase)
                || (outcome.Error.Contains("alloc ", StringComparison.Ordinal) && outcome.Error.Contains("failed", StringComparison.Ordinal)) || outcome.Error.Contains("bad_alloc", StringComparison.Ordinal);
            // pdftoppm out of memory says so, writes the PPM header alone and exits 0.
            if (outcome.ExitCode == 0 && !outOfMemory && IsComplete(expectedOutput))
            {
                return null;
            }

            if (outcome.CpuExhausted)
            {
                return string.Create(CultureInfo.InvariantCulture, $"stopped after {limits.Timeout.TotalSeconds:0} s of CPU time");
            }

            if (outOfMemory)
            {
                return string.Create(CultureInfo.InvariantCulture, $"needed more than the {limits.MemoryBytes >> 20} MB of memory it may use");
            }

            return FirstLine(outcome.Error) ?? $"exit code {outcome.ExitCode}";
        }
        catch (Win32Exception)
        {
            return "not installed";
        }
        catch (TimeoutException e)
        {
            return e.Message;
        }
    }

    /// <summary>The raster is there and holds every pixel its header promises.</summary>
    private static bool IsComplete(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return false;
        }

        try
        {
            var (width, height) = RasterHeader.ReadSize(path);
            return new FileInfo(path).Length >= 3L * width * height;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string? FirstLine(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split('\n', 2)[0].Trim();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
