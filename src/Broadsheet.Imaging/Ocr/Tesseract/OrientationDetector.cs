using System.Globalization;
using System.Text;

namespace Broadsheet.Imaging.Ocr.Tesseract;

/// <summary>
/// Tesseract's orientation and script detection (<c>--psm 0</c>, Debian's <c>tesseract-ocr-osd</c>): how many degrees
/// clockwise a page must turn to stand upright, with its confidence. A page with too little text gives none.
/// </summary>
internal sealed class OrientationDetector(TesseractRunner tesseract)
{
    public async Task<(int Rotate, double Confidence)?> DetectAsync(OcrImage image, CancellationToken cancellationToken)
    {
        await tesseract.RequireAsync(["osd"]);
        var output = new StringBuilder();
        var (exitCode, _) = await tesseract.RunAsync(image.Name, [image.Path, "stdout", "--psm", "0"], output, cancellationToken);
        // "Too few characters" ends with a non-zero exit: nothing to turn by.
        return exitCode == 0 ? Parse(output.ToString()) : null;
    }

    /// <summary>Reads <c>Rotate: 90</c> and <c>Orientation confidence: 5.3</c> from OSD's report.</summary>
    public static (int Rotate, double Confidence)? Parse(string report)
    {
        int? rotate = null;
        double? confidence = null;
        foreach (var line in report.Split('\n', StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var (key, value) = (line[..colon], line[(colon + 1)..].Trim());
            if (key == "Rotate" && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
            {
                rotate = r;
            }
            else if (key == "Orientation confidence" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c))
            {
                confidence = c;
            }
        }

        return rotate is { } turn && confidence is { } sure && turn % 90 == 0 ? (((turn % 360) + 360) % 360, sure) : null;
    }
}
