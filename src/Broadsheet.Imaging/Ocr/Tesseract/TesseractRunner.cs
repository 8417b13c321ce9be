using System.ComponentModel;
using System.Text;
using Broadsheet.Imaging.Rasterizing;
using Microsoft.Extensions.Options;

namespace Broadsheet.Imaging.Ocr.Tesseract;

/// <summary>Runs the <c>tesseract</c> command with the configured data folder, thread limit and time limit.</summary>
internal sealed class TesseractRunner(IOptions<OcrOptions> options)
{
    private readonly OcrOptions _options = options.Value;
    private readonly Lazy<Task<HashSet<string>>> _installed = new(() => ListLanguagesAsync(options.Value));

    public OcrOptions Options => _options;

    /// <summary>Runs tesseract; a time-out names the image, a missing command says how to install it.</summary>
    public async Task<(int ExitCode, string Error)> RunAsync(string imageName, IReadOnlyList<string> arguments, StringBuilder? output, CancellationToken cancellationToken)
    {
        List<string> all = [.. arguments];
        if (!string.IsNullOrEmpty(_options.TessdataPath))
        {
            all.AddRange(["--tessdata-dir", _options.TessdataPath]);
        }

        // OpenMP threads; one per page by default because pages are read side by side.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["OMP_THREAD_LIMIT"] = OcrText.Invariant(_options.Threads) };
        try
        {
            return await ExternalTool.RunAsync(_options.TesseractPath, all, _options.Timeout, cancellationToken, environment, output);
        }
        catch (Win32Exception e)
        {
            throw new NotSupportedException($"Tesseract ({_options.TesseractPath}) is not installed: run scripts/install-deps (Debian's tesseract-ocr).", e);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{imageName}: OCR took longer than {_options.Timeout.TotalSeconds:0} s and was stopped.", e);
        }
    }

    /// <summary>Throws, naming the Debian package, when a model is not installed.</summary>
    public async Task RequireAsync(IReadOnlyList<string> models)
    {
        var installed = await _installed.Value;
        var missing = models.Where(m => !installed.Contains(m)).ToList();
        if (missing.Count > 0)
        {
            var packages = string.Join(" ", missing.Select(m => "tesseract-ocr-" + m.Replace('_', '-')));
            throw new NotSupportedException($"Tesseract has no data for {string.Join(", ", missing)}: install Debian's {packages}.");
        }
    }

    private static async Task<HashSet<string>> ListLanguagesAsync(OcrOptions options)
    {
        var output = new StringBuilder();
        List<string> arguments = ["--list-langs"];
        if (!string.IsNullOrEmpty(options.TessdataPath))
        {
            arguments.AddRange(["--tessdata-dir", options.TessdataPath]);
        }

        try
        {
            await ExternalTool.RunAsync(options.TesseractPath, arguments, TimeSpan.FromSeconds(30), CancellationToken.None, output: output);
        }
        catch (Win32Exception e)
        {
            throw new NotSupportedException($"Tesseract ({options.TesseractPath}) is not installed: run scripts/install-deps (Debian's tesseract-ocr).", e);
        }

        // The first line is a heading ("List of available languages in …"); each further line is one model.
        return output.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }
}
