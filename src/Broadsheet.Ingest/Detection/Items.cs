using System.Text.RegularExpressions;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// A column of items under a standing head ("LETTERS TO THE EDITOR", "读者来信", "In Brief") where each item has a
/// title of its own on a line of its own, in bold, and often a signature at its foot: each item is an article, its
/// title the headline, the standing head its kicker, the signature's name its byline. Items whose titles run into
/// their text (a brief's bold lead) stay one article of briefs.
/// </summary>
internal static partial class Items
{
    /// <summary>One item: its title line and its text lines in reading order.</summary>
    public sealed record Item(TextLine Title, IReadOnlyList<TextLine> Body);

    /// <summary>The items of a standing head's column, or none when it is not such a column.</summary>
    public static IReadOnlyList<Item> Split(TitleBlock head, IReadOnlyList<TextLine> body)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(body);
        if (!IsStandingHead(TitleBlock.JoinText(head.Headline)) || body.Count < 4)
        {
            return [];
        }

        var ordered = Columns.Of(body).SelectMany(c => c.Lines).ToList();
        var starts = Enumerable.Range(0, ordered.Count).Where(i => IsItemTitle(ordered, i)).ToList();
        if (starts.Count < 2)
        {
            return [];
        }

        var items = new List<Item>();
        for (var n = 0; n < starts.Count; n++)
        {
            var end = n + 1 < starts.Count ? starts[n + 1] : ordered.Count;
            items.Add(new Item(ordered[starts[n]], ordered[(starts[n] + 1)..end]));
        }

        return items;
    }

    /// <summary>The signature at an item's foot: a short bold line ending in a comma ("Sasti Brata Kabiraj,"), as a name.</summary>
    public static string? Signature(IReadOnlyList<TextLine> body, out int lines)
    {
        ArgumentNullException.ThrowIfNull(body);
        for (var i = body.Count - 1; i >= Math.Max(0, body.Count - 8); i--)
        {
            var text = body[i].Text.Trim();
            if (body[i].IsBold && text.Length <= 40 && text.EndsWith(',') && text.Split(' ').Length <= 5)
            {
                lines = body.Count - i;
                return text.TrimEnd(',').Trim();
            }
        }

        lines = 0;
        return null;
    }

    /// <summary>A bold line of a few words on its own, not a sentence, with ordinary text after it.</summary>
    private static bool IsItemTitle(List<TextLine> lines, int i)
    {
        var line = lines[i];
        var text = line.Text.Trim();
        if (!line.IsBold || text.Length == 0 || text.Split(' ').Length > 10 || ".,;:!?。，；！？".Contains(text[^1], StringComparison.Ordinal))
        {
            return false;
        }

        var next = i + 1 < lines.Count ? lines[i + 1] : null;
        var previous = i > 0 ? lines[i - 1] : null;
        return next is not null && !next.IsBold && (previous is null || !previous.IsBold);
    }

    private static bool IsStandingHead(string headline) => StandingHead().IsMatch(headline);

    [GeneratedRegex(@"^\s*(?:LETTERS?\b|Letters? to the [Ee]ditor|MAILBAG|Mailbag|Readers?['’]? (?:letters|views)|Lettere|Lettres|Leserbriefe|读者来信|来信|读者之声|简讯|快讯|短讯|速递|一句话新闻|(?:News\s+)?[Ii]n [Bb]rief|BRIEFS?)", RegexOptions.CultureInvariant)]
    private static partial Regex StandingHead();
}
