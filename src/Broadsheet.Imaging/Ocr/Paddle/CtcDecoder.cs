namespace Broadsheet.Imaging.Ocr.Paddle;

/// <summary>One character read by CTC: its class, where it lies along the crop (in output steps), and its probability.</summary>
internal readonly record struct CtcCharacter(int Class, double Step, float Probability);

/// <summary>
/// Greedy CTC decoding, as PaddleOCR's <c>CTCLabelDecode</c>: the most probable class at each step, repeats
/// merged, the blank (class 0) dropped. Each character keeps the mean step of its run (its position) and the highest
/// probability in the run (PaddleOCR averages the maxima over the characters for the line's confidence).
/// </summary>
internal static class CtcDecoder
{
    public static List<CtcCharacter> Decode(ReadOnlySpan<float> probabilities, int steps, int classes)
    {
        var characters = new List<CtcCharacter>();
        var (runClass, runStart, runBest) = (0, 0, 0f);
        for (var t = 0; t <= steps; t++)
        {
            var (best, bestProbability) = (0, 0f);
            if (t < steps)
            {
                var row = probabilities.Slice(t * classes, classes);
                for (var c = 0; c < classes; c++)
                {
                    if (row[c] > bestProbability)
                    {
                        (best, bestProbability) = (c, row[c]);
                    }
                }
            }

            if (t < steps && best == runClass && t > 0)
            {
                runBest = Math.Max(runBest, bestProbability);
                continue;
            }

            if (t > 0 && runClass != 0)
            {
                characters.Add(new CtcCharacter(runClass, (runStart + t - 1) / 2.0, runBest));
            }

            (runClass, runStart, runBest) = (best, t, bestProbability);
        }

        return characters;
    }
}
