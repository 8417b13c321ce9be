using Broadsheet.Core.Ports;
using Broadsheet.Imaging.Ocr.Paddle;
using Broadsheet.Imaging.Ocr.Tesseract;
using Microsoft.Extensions.Options;

namespace Broadsheet.Imaging.Ocr;

/// <summary>
/// Checks the image, turns it upright (Tesseract's OSD), then reads it with the engine the options or the page's
/// language choose.
/// </summary>
internal sealed class PageOcr(IOptions<OcrOptions> options, OrientationDetector orientation, TesseractEngine tesseract, PaddleEngine paddle) : IPageOcr
{
    private readonly OcrOptions _options = options.Value;

    public async Task<OcrPage> ReadAsync(string imagePath, IReadOnlyList<string> languages, CancellationToken cancellationToken = default)
    {
        var set = OcrLanguages.Resolve(languages);
        var engine = Choose(set);
        using var image = OcrImage.Open(imagePath, _options.MaxImagePixels);
        if (_options.DetectOrientation && await orientation.DetectAsync(image, cancellationToken) is { } turn && turn.Rotate != 0
            && turn.Confidence >= _options.MinOrientationConfidence)
        {
            image.Turn(turn.Rotate);
        }

        var read = await engine.ReadAsync(image, set, cancellationToken);
        return new OcrPage(image.Width, image.Height, image.Rotation, read.SkewDegrees, read.Engine, read.Lines);
    }

    /// <summary>
    /// Paddle reads Chinese and Latin; everything else is Tesseract's. Auto follows the OCR bench (bench/README.md,
    /// "OCR"): Paddle for simplified Chinese (CER 0.6 % against Tesseract's 49.7 % at the import's 2000 px);
    /// Tesseract for Latin scripts (better on English at half the CPU; Paddle's characters lack ù, ö, ß, ç) and for
    /// traditional Chinese, where Paddle, trained mostly on simplified text, puts simplified forms among traditional
    /// ones (會计 for 會計), which search then misses.
    /// </summary>
    private IOcrEngine Choose(OcrLanguageSet languages) => _options.Engine switch
    {
        OcrEngineChoice.Tesseract => tesseract,
        OcrEngineChoice.Paddle when languages.Script is OcrScript.SimplifiedChinese or OcrScript.TraditionalChinese or OcrScript.Latin => paddle,
        OcrEngineChoice.Paddle => throw new NotSupportedException(
            $"The Paddle OCR engine reads Chinese and Latin text, not {string.Join(", ", languages.Tags)}; set Broadsheet:Ocr:Engine to Tesseract or Auto."),
        _ => languages.Script == OcrScript.SimplifiedChinese ? paddle : tesseract,
    };
}
