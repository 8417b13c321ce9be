namespace Broadsheet.Web.Desk.Review;

/// <summary>A revision's diff as the article page shows it: changed lines with one line of context, long unchanged runs folded.</summary>
internal static class DiffView
{
    public static IReadOnlyList<DiffLine> Of(IReadOnlyList<string> diff, int context = 1)
    {
        ArgumentNullException.ThrowIfNull(diff);
        diff = [.. diff.Select(Worded)];
        var keep = new bool[diff.Count];
        for (var i = 0; i < diff.Count; i++)
        {
            if (!diff[i].StartsWith("  ", StringComparison.Ordinal))
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(diff.Count - 1, i + context); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var lines = new List<DiffLine>();
        for (var i = 0; i < diff.Count; i++)
        {
            if (keep[i])
            {
                var kind = diff[i].StartsWith("- ", StringComparison.Ordinal) ? DiffKind.Removed
                    : diff[i].StartsWith("+ ", StringComparison.Ordinal) ? DiffKind.Added
                    : DiffKind.Same;
                lines.Add(new DiffLine(kind, diff[i]));
            }
            else if (lines.Count == 0 || lines[^1].Kind != DiffKind.Folded)
            {
                lines.Add(new DiffLine(DiffKind.Folded, "  …"));
            }
        }

        return lines;
    }

    private static string Worded(string line)
    {
        const string Kind = "类型: ";
        var at = line.IndexOf(Kind, StringComparison.Ordinal);
        return at == 2 && Enum.TryParse<Broadsheet.Core.Model.ArticleKind>(line[(at + Kind.Length)..], out var kind)
            ? line[..(at + Kind.Length)] + Broadsheet.Core.Model.ArticleSnapshot.KindName(kind)
            : line;
    }
}

internal enum DiffKind
{
    Same,
    Removed,
    Added,
    Folded,
}

internal sealed record DiffLine(DiffKind Kind, string Text)
{
    public string? CssClass => Kind switch
    {
        DiffKind.Removed => "del",
        DiffKind.Added => "add",
        DiffKind.Folded => "fold",
        _ => null,
    };
}
