namespace Broadsheet.Core.Model;

/// <summary>A line diff by longest common subsequence; articles are short enough for the quadratic table.</summary>
public static class TextDiff
{
    public static IReadOnlyList<string> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal)
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                lines.Add("  " + a[x++]);
                y++;
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                lines.Add("- " + a[x++]);
            }
            else
            {
                lines.Add("+ " + b[y++]);
            }
        }

        lines.AddRange(a[x..].Select(l => "- " + l));
        lines.AddRange(b[y..].Select(l => "+ " + l));
        return lines;
    }

    private static string[] Split(string text) =>
        string.IsNullOrEmpty(text) ? [] : text.TrimEnd('\n').Split('\n');
}
