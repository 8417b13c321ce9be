using System.Globalization;
using System.Text;
using Broadsheet.Core.Ports;

namespace Broadsheet.Imaging.Ocr;

/// <summary>How words become a line's text, and the few measures both engines take of their output.</summary>
internal static class OcrText
{
    /// <summary>Joins words with a space between two Latin words and nothing where either side is CJK.</summary>
    public static string JoinWords(IEnumerable<string> words)
    {
        var text = new StringBuilder();
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            if (text.Length > 0 && !IsCjk(text[^1]) && !IsCjk(word[0]))
            {
                text.Append(' ');
            }

            text.Append(word);
        }

        return text.ToString();
    }

    /// <summary>Han, kana, hangul, and the CJK and full-width punctuation set between them without spaces.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF')
        || char.IsSurrogate(c);

    /// <summary>The smallest box holding all of <paramref name="boxes"/>.</summary>
    public static PixelBox Union(IEnumerable<PixelBox> boxes)
    {
        var (left, top, right, bottom) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        foreach (var box in boxes)
        {
            left = Math.Min(left, box.Left);
            top = Math.Min(top, box.Top);
            right = Math.Max(right, box.Right);
            bottom = Math.Max(bottom, box.Bottom);
        }

        return left > right ? default : new PixelBox(left, top, right - left, bottom - top);
    }

    /// <summary>The mean of the words' confidences weighted by their length.</summary>
    public static double Confidence(IReadOnlyList<OcrWord> words)
    {
        var weight = words.Sum(w => Math.Max(1, w.Text.Length));
        return weight == 0 ? 0 : words.Sum(w => w.Confidence * Math.Max(1, w.Text.Length)) / weight;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
