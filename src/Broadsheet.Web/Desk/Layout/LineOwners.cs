using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Layout;

/// <summary>Where a printed line's text is now: which article holds it, and where in that article's text.</summary>
internal sealed record LineOwner(ArticleText Text, int Start, int Length)
{
    public Article Article => Text.Article;

    public TextField Field => Text.FieldAt(Start);
}

/// <summary>
/// Finds which article holds each printed line of a page, by its text: articles keep text, not lines, and an
/// editor's changes move text between them. An article whose region covers the line is asked first, and the
/// article that held the line before it (the same column read on); no two lines take the same characters.
/// </summary>
internal static class LineOwners
{
    /// <summary>Shorter lines are looked for only in the articles likely to hold them.</summary>
    private const int MinimumElsewhere = 6;

    public static LineOwner?[] Find(PageText page, Page on, IReadOnlyList<ArticleText> articles)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(articles);
        var owners = new LineOwner?[page.Lines.Count];
        var used = articles.ToDictionary(a => a, a => new bool[a.Normal.Length]);
        var regions = articles.ToDictionary(
            a => a,
            a => a.Article.Regions.Where(r => ArticleHomes.IsOn(r, on)).Select(r => r.Polygon).ToList());
        foreach (var block in page.Blocks)
        {
            LineOwner? previous = null;
            foreach (var index in block.Lines)
            {
                var line = page.Lines[index];
                var key = LineText.Key(line.Text);
                if (key.Length == 0)
                {
                    continue;
                }

                var covering = articles
                    .Where(a => regions[a].Exists(p => p.Contains(line.CenterX, line.CenterY)))
                    .OrderBy(a => regions[a].Where(p => p.Contains(line.CenterX, line.CenterY)).Min(p => p.Area))
                    .ToList();
                // The article that held the line before (the same column read on) and the articles whose region covers
                // the line are asked first, exactly and then loosely; any other article only for a long enough line read
                // exactly: a short line is found by chance in many texts.
                var likely = new List<ArticleText>();
                if (previous is not null)
                {
                    likely.Add(previous.Text);
                }

                likely.AddRange(covering.Where(a => !likely.Contains(a)));
                var found = Search(likely, key, previous, used, loose: false)
                    ?? Search(likely, key, previous, used, loose: true)
                    ?? (key.Length >= MinimumElsewhere ? Search([.. articles.Where(a => !likely.Contains(a))], key, previous, used, loose: false) : null);

                if (found is not null)
                {
                    Array.Fill(used[found.Text], true, found.Start, found.Length);
                    owners[index] = found;
                    previous = found;
                }
            }
        }

        return owners;
    }

    private static LineOwner? Search(IEnumerable<ArticleText> candidates, string key, LineOwner? previous, Dictionary<ArticleText, bool[]> used, bool loose)
    {
        foreach (var candidate in candidates)
        {
            var from = ReferenceEquals(candidate, previous?.Text) ? previous!.Start + previous.Length : 0;
            if (!loose && Exact(candidate, key, from, used[candidate]) is { } at)
            {
                return new LineOwner(candidate, at, key.Length);
            }

            if (loose && candidate.Find(key, from) is { } part && IsFree(used[candidate], part.Start, part.Length))
            {
                return new LineOwner(candidate, part.Start, part.Length);
            }
        }

        return null;
    }

    private static int? Exact(ArticleText text, string key, int from, bool[] used)
    {
        foreach (var start in new[] { from, 0 })
        {
            var at = start;
            while (at <= text.Normal.Length - key.Length && (at = text.Normal.IndexOf(key, at, StringComparison.Ordinal)) >= 0)
            {
                if (IsFree(used, at, key.Length))
                {
                    return at;
                }

                at++;
            }
        }

        return null;
    }

    private static bool IsFree(bool[] used, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (used[i])
            {
                return false;
            }
        }

        return true;
    }
}
