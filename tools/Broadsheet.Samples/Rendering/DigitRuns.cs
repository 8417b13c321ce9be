using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Layout;

namespace Broadsheet.Samples.Rendering;

// Draws numbers in body text the way Founder PDFGenerator does: the line is cut inside its first number of two or
// more digits; the first run ends in a space glyph drawn under the second half of the number, and the second run
// ("9日…") is drawn after everything else on the page, a third of a point below the baseline. A reader that trusts
// the content-stream order or the space glyph reads "5月 1" … "9日"; the page still prints "5月19日".
internal static class DigitRuns
{
    private const double BaselineShift = 0.3;

    public static IReadOnlyList<DrawOp> Split(IReadOnlyList<DrawOp> ops)
    {
        var result = new List<DrawOp>(ops.Count + 16);
        var deferred = new List<DrawOp>();
        foreach (var op in ops)
        {
            if (op is TextOp text && text.Font == FontRole.Serif && SplitPoint(text.Text) is { } at)
            {
                result.Add(text with { Text = text.Text[..at] + " ", X = [.. text.X[..at], text.X[at]] });
                deferred.Add(text with { Text = text.Text[at..], X = text.X[at..], Baseline = text.Baseline + BaselineShift });
            }
            else
            {
                result.Add(op);
            }
        }

        result.AddRange(deferred);
        return result;
    }

    // Inside the first number of two or more digits that follows a Chinese character: after its first digit.
    private static int? SplitPoint(string text)
    {
        for (var i = 1; i + 1 < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && text[i - 1] >= '\u3000')
            {
                return i + 1;
            }
        }

        return null;
    }
}
