using Microsoft.ML.OnnxRuntime;

namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>PP-OCRv4 text detection: the page scaled to multiples of 32, normalised as PaddleOCR trains it, then DB boxes.</summary>
internal static class TextDetector
{
    // ImageNet mean and deviation, applied to channels in OpenCV's B, G, R order as PaddleOCR's NormalizeImage does.
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>
    /// The detector's input size for an image: no side longer than <paramref name="maxSide"/>, no more than
    /// <paramref name="maxPixels"/> pixels (the detector's memory grows with them), each side a multiple of 32, the
    /// image's proportions kept to within 32 px. An image within both limits keeps its size, rounded to 32.
    /// </summary>
    public static (int Width, int Height) InputSize(int width, int height, int maxSide, long maxPixels)
    {
        var ratio = Math.Min(1.0, Math.Min((double)maxSide / Math.Max(width, height), Math.Sqrt((double)maxPixels / ((double)width * height))));
        var (w, h) = (Math.Max(32, (int)Math.Round(width * ratio / 32) * 32), Math.Max(32, (int)Math.Round(height * ratio / 32) * 32));
        // Rounding to 32 may have gone past a limit: take 32 off the side that rounded up most.
        while (((long)w * h > maxPixels && (w > 32 || h > 32)) || w > Math.Max(32, maxSide) || h > Math.Max(32, maxSide))
        {
            if ((h > 32 && (double)w / width < (double)h / height) || w <= 32)
            {
                h -= 32;
            }
            else
            {
                w -= 32;
            }
        }

        return (w, h);
    }

    /// <param name="rgb">The image at detection scale, interleaved 8-bit RGB.</param>
    /// <param name="scaleX">Source pixels per detection pixel, across.</param>
    /// <param name="scaleY">Source pixels per detection pixel, down.</param>
    public static List<RotatedRect> Detect(InferenceSession session, RunOptions run, byte[] rgb, int width, int height, double scaleX, double scaleY)
    {
        var plane = width * height;
        var input = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                // Channel 0 is blue: byte 2 of the RGB triple.
                input[(channel * plane) + i] = ((rgb[(i * 3) + 2 - channel] / 255f) - Mean[channel]) / Std[channel];
            }
        }

        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, height, width]);
        using var outputs = session.Run(run, [session.InputNames[0]], [tensor], [session.OutputNames[0]]);
        var map = outputs[0].GetTensorDataAsSpan<float>();
        return DbPostProcess.Boxes(map, width, height, scaleX, scaleY);
    }
}
