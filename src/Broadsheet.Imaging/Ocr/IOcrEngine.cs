using Broadsheet.Core.Ports;

namespace Broadsheet.Imaging.Ocr;

/// <summary>What one engine read on an upright page.</summary>
internal sealed record OcrRead(IReadOnlyList<OcrLine> Lines, double SkewDegrees, string Engine);

/// <summary>One OCR engine; <see cref="PageOcr"/> checks the image, turns it upright and picks the engine.</summary>
internal interface IOcrEngine
{
    Task<OcrRead> ReadAsync(OcrImage image, OcrLanguageSet languages, CancellationToken cancellationToken);
}
