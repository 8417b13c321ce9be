using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// What an opinion page sets beside a column rather than over it: an author box (a portrait, the writer's name in
/// bold, a line or two on who they are) and a standfirst (a sentence in type a little larger than the text, alone in
/// a narrow column). The name is the story's byline and the standfirst its subheadline; neither is body text.
/// </summary>
internal static class Standfirsts
{
    /// <summary>The writer's name when a photo's caption is an author box's: a short name in bold or larger type, then smaller lines.</summary>
    public static string? AuthorName(IReadOnlyList<TextLine> caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        if (caption.Count < 2)
        {
            return null;
        }

        var name = caption.TakeWhile(l => SameType(l, caption[0])).ToList();
        if (name.Count == caption.Count || name.Count > 2 || !(caption[0].IsBold || caption[0].FontSize > caption[name.Count].FontSize * 1.04))
        {
            return null;
        }

        var text = TitleBlock.JoinText(name);
        return IsName(text) ? text : null;
    }

    /// <summary>Whether <paramref name="text"/> reads as a person's name: one to four capitalised words, or two to four Han characters.</summary>
    public static bool IsName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var latinName = words.Length is >= 1 and <= 4 && words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '.' or '-' or '\''));
        var chineseName = text.Length is >= 2 and <= 4 && text.EnumerateRunes().All(r => Script.IsCjk(r.Value));
        return latinName || chineseName;
    }

    /// <summary>
    /// Takes the standfirst out of a story's text: a block of at most twelve lines (240 letters) in one type between body and display
    /// size, in a column much narrower than the story's, that is not under a photo.
    /// </summary>
    public static (IReadOnlyList<TextLine> Standfirst, List<TextLine> Others) Take(List<TextLine> body, IReadOnlyList<PageBox> photos, FontSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(sizes);
        var typical = body.Where(l => Math.Abs(l.FontSize - sizes.Body) <= 0.1 * sizes.Body).Select(l => l.Box.Width).DefaultIfEmpty(0).Max();
        var candidates = body.Where(l => l.FontSize >= 1.06 * sizes.Body && !sizes.IsDisplay(l) && l.Box.Width <= 0.6 * typical).ToList();
        foreach (var group in candidates.GroupBy(l => Math.Round(l.FontSize * 4) / 4))
        {
            var lines = group.OrderBy(l => l.Box.Top).ToList();
            var stacked = lines.Zip(lines.Skip(1)).All(p => p.Second.Box.Top - p.First.Box.Bottom <= 0.8 * p.First.FontSize
                && Math.Abs(p.Second.Box.Left - p.First.Box.Left) <= p.First.FontSize);
            var underPhoto = photos.Any(p => p.HorizontalOverlap(lines[0].Box) > 0 && lines[0].Box.Top - p.Bottom is >= -1 and <= 30);
            // A sentence or two: in a column a few words wide that can take a dozen lines.
            if (lines.Count is >= 2 and <= 12 && lines.Sum(l => l.Text.Length) <= 240 && stacked && !underPhoto && typical > 0)
            {
                return (lines, [.. body.Except(lines)]);
            }
        }

        return ([], body);
    }

    private static bool SameType(TextLine a, TextLine b) => Math.Abs(a.FontSize - b.FontSize) <= 0.03 * b.FontSize && a.IsBold == b.IsBold;
}
