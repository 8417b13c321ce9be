namespace Broadsheet.Imaging.Ocr.Tesseract;

/// <summary>Reads a page with Tesseract's LSTM models: automatic page segmentation, hOCR out, parsed into lines.</summary>
internal sealed class TesseractEngine(TesseractRunner tesseract) : IOcrEngine
{
    public async Task<OcrRead> ReadAsync(OcrImage image, OcrLanguageSet languages, CancellationToken cancellationToken)
    {
        await tesseract.RequireAsync(languages.TesseractModels);
        var models = string.Join('+', languages.TesseractModels);
        var outputBase = Path.Combine(image.Scratch, "tesseract");
        // psm 3: full automatic layout without OSD (the page is already upright); char boxes for CJK characters.
        string[] arguments = [image.Path, outputBase, "-l", models, "--psm", "3", "-c", "hocr_char_boxes=1", "hocr"];
        var (exitCode, error) = await tesseract.RunAsync(image.Name, arguments, output: null, cancellationToken);
        var hocr = outputBase + ".hocr";
        if (exitCode != 0 || !File.Exists(hocr))
        {
            throw new InvalidDataException($"{image.Name}: tesseract could not read the image (exit {exitCode}): {LastLine(error)}");
        }

        await using var stream = File.OpenRead(hocr);
        var (lines, skew) = HocrParser.Parse(stream);
        return new OcrRead(lines, skew, "tesseract " + models);
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no message";
}
