namespace Broadsheet.Bench.Accuracy.Corpus;

/// <summary>
/// Python's <c>difflib.SequenceMatcher(None, a, b).ratio()</c> (Ratcliff/Obershelp: twice the matched characters
/// over both lengths, matches found as the longest common block, then recursively left and right of it). The
/// automatic junk heuristic only applies to sequences of 200 or more, longer than any headline, and is left out.
/// </summary>
internal static class Similarity
{
    public static double Ratio(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var total = a.Length + b.Length;
        return total == 0 ? 1 : 2.0 * Matched(a, 0, a.Length, b, 0, b.Length) / total;
    }

    private static int Matched(string a, int aLo, int aHi, string b, int bLo, int bHi)
    {
        var (i, j, k) = Longest(a, aLo, aHi, b, bLo, bHi);
        return k == 0 ? 0 : k + Matched(a, aLo, i, b, bLo, j) + Matched(a, i + k, aHi, b, j + k, bHi);
    }

    /// <summary>difflib's <c>find_longest_match</c>: the earliest longest block in <paramref name="a"/>, then in <paramref name="b"/>.</summary>
    private static (int I, int J, int K) Longest(string a, int aLo, int aHi, string b, int bLo, int bHi)
    {
        var best = (I: aLo, J: bLo, K: 0);
        var lengths = new Dictionary<int, int>();
        for (var i = aLo; i < aHi; i++)
        {
            var next = new Dictionary<int, int>();
            for (var j = bLo; j < bHi; j++)
            {
                if (a[i] != b[j])
                {
                    continue;
                }

                var k = lengths.GetValueOrDefault(j - 1) + 1;
                next[j] = k;
                if (k > best.K)
                {
                    best = (i - k + 1, j - k + 1, k);
                }
            }

            lengths = next;
        }

        return best;
    }
}
