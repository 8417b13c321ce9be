using Broadsheet.Core.Ports;
using Microsoft.ML.OnnxRuntime;

namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>
/// PP-OCRv4 recognition of detected lines: crops batched by aspect ratio (as PaddleOCR does, so padding is small),
/// 48 px high and at least 320 wide, decoded by CTC into characters with positions, then into words with boxes.
/// </summary>
internal static class TextRecognizer
{
    private const int BatchSize = 8;
    private const int MinWidth = 320;

    /// <summary>PaddleOCR's <c>drop_score</c>: lines read with less confidence are noise more often than text.</summary>
    private const double DropScore = 0.5;

    public static List<(LineCrop Crop, List<OcrWord> Words, double Confidence)> Recognize(
        InferenceSession session, RunOptions run, RunOptions last, IReadOnlyList<string> characters, byte[] rgb, int width, int height, IReadOnlyList<LineCrop> crops, CancellationToken cancellationToken)
    {
        var read = new List<(LineCrop, List<OcrWord>, double)>();
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => crops[i].ScaledWidth).ToArray();
        var results = new (List<OcrWord> Words, double Confidence)?[crops.Count];
        var batches = order.Chunk(BatchSize).ToArray();
        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batchWidth = Math.Max(MinWidth, batch.Max(i => crops[i].ScaledWidth));
            var itemSize = 3 * LineCrop.Height * batchWidth;
            var input = new float[batch.Length * itemSize];
            for (var b = 0; b < batch.Length; b++)
            {
                crops[batch[b]].Sample(rgb, width, height, input.AsSpan(b * itemSize, itemSize), batchWidth);
            }

            using var tensor = OrtValue.CreateTensorValueFromMemory(input, [batch.Length, 3, LineCrop.Height, batchWidth]);
            // The last batch runs with the options that give the arena's memory back once the page is read.
            using var outputs = session.Run(ReferenceEquals(batch, batches[^1]) ? last : run, [session.InputNames[0]], [tensor], [session.OutputNames[0]]);
            var shape = outputs[0].GetTensorTypeAndShape().Shape;
            var (steps, classes) = ((int)shape[1], (int)shape[2]);
            var data = outputs[0].GetTensorDataAsSpan<float>();
            for (var b = 0; b < batch.Length; b++)
            {
                var crop = crops[batch[b]];
                var decoded = CtcDecoder.Decode(data.Slice(b * steps * classes, steps * classes), steps, classes);
                // Crop pixels per output step: the batch width over the steps, scaled back from 48 px to the crop.
                var pixelsPerStep = (double)batchWidth / steps * crop.Length / crop.ScaledWidth;
                results[batch[b]] = Words(decoded, characters, crop, pixelsPerStep);
            }
        }

        for (var i = 0; i < crops.Count; i++)
        {
            if (results[i] is { } r && r.Words.Count > 0 && r.Confidence >= DropScore)
            {
                read.Add((crops[i], r.Words, r.Confidence));
            }
        }

        return read;
    }

    /// <summary>Characters into words: each CJK character a word of its own, Latin runs split at spaces.</summary>
    private static (List<OcrWord>, double) Words(List<CtcCharacter> decoded, IReadOnlyList<string> characters, LineCrop crop, double pixelsPerStep)
    {
        var glyphs = decoded.Where(c => c.Class - 1 < characters.Count).Select(c => (Text: characters[c.Class - 1], Center: (c.Step + 0.5) * pixelsPerStep, c.Probability)).ToList();
        if (glyphs.Count == 0)
        {
            return ([], 0);
        }

        var confidence = glyphs.Average(g => g.Probability);
        // Each character reaches halfway to its neighbours; the ends reach as far as half the usual pitch.
        var gaps = glyphs.Zip(glyphs.Skip(1), (a, b) => b.Center - a.Center).ToArray();
        var half = gaps.Length > 0 ? OcrText.Median(gaps) / 2 : crop.Thickness / 2;
        var words = new List<OcrWord>();
        var (wordText, wordStart, wordEnd, wordProbability, wordCount) = ("", 0.0, 0.0, 0.0, 0);
        for (var i = 0; i < glyphs.Count; i++)
        {
            var left = i == 0 ? glyphs[i].Center - half : (glyphs[i - 1].Center + glyphs[i].Center) / 2;
            var right = i == glyphs.Count - 1 ? glyphs[i].Center + half : (glyphs[i].Center + glyphs[i + 1].Center) / 2;
            (left, right) = (Math.Max(0, left), Math.Min(crop.Length, right));
            var text = glyphs[i].Text;
            var cjk = text.Length > 0 && OcrText.IsCjk(text[0]);
            if (text == " " || cjk)
            {
                Flush();
            }

            if (cjk)
            {
                words.Add(new OcrWord(text, Box(crop, left, right), glyphs[i].Probability));
            }
            else if (text != " ")
            {
                (wordText, wordStart, wordEnd) = (wordText + text, wordCount == 0 ? left : wordStart, right);
                (wordProbability, wordCount) = (wordProbability + glyphs[i].Probability, wordCount + 1);
            }
        }

        Flush();
        return (words, confidence);

        void Flush()
        {
            if (wordCount > 0)
            {
                words.Add(new OcrWord(wordText, Box(crop, wordStart, wordEnd), wordProbability / wordCount));
            }

            (wordText, wordProbability, wordCount) = ("", 0, 0);
        }
    }

    /// <summary>The page box around a stretch of the crop, its full thickness.</summary>
    public static PixelBox Box(LineCrop crop, double from, double to)
    {
        PointD[] corners = [crop.At(from, 0), crop.At(to, 0), crop.At(to, crop.Thickness), crop.At(from, crop.Thickness)];
        var (left, top) = ((int)Math.Floor(corners.Min(p => p.X)), (int)Math.Floor(corners.Min(p => p.Y)));
        var (right, bottom) = ((int)Math.Ceiling(corners.Max(p => p.X)), (int)Math.Ceiling(corners.Max(p => p.Y)));
        return new PixelBox(left, top, right - left, bottom - top);
    }
}
