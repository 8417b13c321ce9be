using Broadsheet.Core.Ports;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using NetVips;

namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>
/// PaddleOCR's PP-OCRv4 pipeline in ONNX Runtime, in this process: DB text detection over the page, then CTC
/// recognition of each detected line. It finds lines, not blocks: each line is its own block and paragraph.
/// </summary>
internal sealed class PaddleEngine(PaddleModels models, IOptions<OcrOptions> options) : IOcrEngine, IDisposable
{
    private readonly OcrOptions _options = options.Value;

    // Pages read at once in this process: each holds about a gigabyte while its detector runs (bench/README.md,
    // "OCR memory"), and the importer reads a page per core.
    private readonly SemaphoreSlim _pages = new(options.Value.PaddleParallelPages);

    public bool IsInstalled => models.IsInstalled;

    public async Task<OcrRead> ReadAsync(OcrImage image, OcrLanguageSet languages, CancellationToken cancellationToken)
    {
        // Waiting for another page's turn is not this page's time: its limit starts when it runs.
        await _pages.WaitAsync(cancellationToken);
        try
        {
            return await ReadAloneAsync(image, cancellationToken);
        }
        finally
        {
            _pages.Release();
        }
    }

    public void Dispose() => _pages.Dispose();

    private async Task<OcrRead> ReadAloneAsync(OcrImage image, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.Timeout);
        using var run = new RunOptions();
        // ONNX Runtime keeps what a run allocated in its arena for the life of the session. The detector's run
        // (about 160 MB per million pixels it looks at) and the page's last recognizer batch give theirs back.
        using var release = new RunOptions();
        release.AddRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
        // ONNX Runtime checks this flag between operators, so a time-out stops a long detection mid-way.
        using var stop = limit.Token.Register(() => (run.Terminate, release.Terminate) = (true, true));
        try
        {
            return await Task.Run(() => Read(image, run, release, limit.Token), limit.Token);
        }
        catch (Exception e) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested && e is OperationCanceledException or OnnxRuntimeException)
        {
            throw new TimeoutException($"{image.Name}: OCR took longer than {_options.Timeout.TotalSeconds:0} s and was stopped.", e);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private OcrRead Read(OcrImage image, RunOptions run, RunOptions release, CancellationToken cancellationToken)
    {
        var (width, height) = (image.Width, image.Height);
        var (detection, detectionWidth, detectionHeight) = DetectionImage(image);
        var boxes = TextDetector.Detect(models.Detection, release, detection, detectionWidth, detectionHeight,
            (double)width / detectionWidth, (double)height / detectionHeight);
        cancellationToken.ThrowIfCancellationRequested();

        // Decoded after detection, so the page's pixels (3 bytes each) are not held through the detector's peak.
        var rgb = image.ReadRgb();

        var crops = boxes.Select(LineCrop.From).ToList();
        var read = TextRecognizer.Recognize(models.Recognition, run, release, models.Characters, rgb, width, height, crops, cancellationToken);
        var lines = ReadingOrder(read.Select(r => Line(r.Crop, r.Words, r.Confidence)).ToList());
        var skew = OcrText.Median(boxes.Where(b => b.Width > 4 * b.Height).Select(b => -b.Angle * 180 / Math.PI).ToArray());
        return new OcrRead([.. lines.Select((l, i) => l with { Block = i, Paragraph = i })], Math.Round(skew, 2), "paddle PP-OCRv4");
    }

    /// <summary>The page for the detector, at <see cref="TextDetector.InputSize"/>.</summary>
    private (byte[] Rgb, int Width, int Height) DetectionImage(OcrImage image)
    {
        var (width, height) = TextDetector.InputSize(image.Width, image.Height, _options.PaddleDetectionMaxSide, _options.PaddleDetectionMaxPixels);
        using var loaded = Image.NewFromFile(image.Path, access: Enums.Access.Sequential);
        using var rgb = loaded.Bands == 3 ? loaded.Copy() : loaded.Colourspace(Enums.Interpretation.Srgb);
        using var resized = rgb.Resize((double)width / image.Width, vscale: (double)height / image.Height);
        using var exact = resized.Width == width && resized.Height == height ? resized.Copy() : resized.Gravity(Enums.CompassDirection.NorthWest, width, height, extend: Enums.Extend.Copy);
        return (exact.WriteToMemory<byte>(), width, height);
    }

    private static OcrLine Line(LineCrop crop, List<OcrWord> words, double confidence)
    {
        var box = TextRecognizer.Box(crop, 0, crop.Length);
        return new OcrLine(OcrText.JoinWords(words.Select(w => w.Text)), box, words, confidence, crop.Thickness, 0, 0, crop.Vertical);
    }

    /// <summary>Top to bottom, and left to right among lines whose tops are within half a line of each other.</summary>
    private static List<OcrLine> ReadingOrder(List<OcrLine> lines)
    {
        var sorted = lines.OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            for (var j = i; j > 0; j--)
            {
                var (a, b) = (sorted[j - 1], sorted[j]);
                if (Math.Abs(b.Box.Top - a.Box.Top) < Math.Min(a.Box.Height, b.Box.Height) / 2 && b.Box.Left < a.Box.Left)
                {
                    (sorted[j - 1], sorted[j]) = (b, a);
                }
                else
                {
                    break;
                }
            }
        }

        return sorted;
    }
}
