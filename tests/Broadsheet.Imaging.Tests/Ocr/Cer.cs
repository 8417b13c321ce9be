using System.Text;

namespace Broadsheet.Imaging.Tests.Ocr;

/// <summary>Character error rate: edit distance over the expected text's length, both NFKC-folded without white space.</summary>
internal static class Cer
{
    public static double Of(string expected, string read)
    {
        var (a, b) = (Fold(expected), Fold(read));
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return a.Length == 0 ? b.Length : (double)row[b.Length] / a.Length;
    }

    private static string Fold(string text) =>
        new(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
