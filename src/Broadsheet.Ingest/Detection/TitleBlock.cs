using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>An article's display type: kicker (引题) above, headline (主题), subheadline (副题) below.</summary>
internal sealed record TitleBlock(IReadOnlyList<TextLine> Kicker, IReadOnlyList<TextLine> Headline, IReadOnlyList<TextLine> Subheadline)
{
    /// <summary>
    /// A deck set inside the story's columns rather than under the headline (a smaller head at the top of the second
    /// column): the story's subheadline when it has none under its headline, but not part of the title's box, which
    /// the columns beside it must not be cut by.
    /// </summary>
    public IReadOnlyList<TextLine> Inset { get; init; } = [];

    public IEnumerable<TextLine> Lines => Kicker.Concat(Headline).Concat(Subheadline);

    /// <summary>Everything the title is printed as, the inset deck included.</summary>
    public IEnumerable<TextLine> AllLines => Lines.Concat(Inset);

    public PageBox Box => PageBox.Bounding(Lines.Select(l => l.Box));

    public PageBox HeadlineBox => PageBox.Bounding(Headline.Select(l => l.Box));

    public double HeadlineSize => Headline.Max(l => l.FontSize);

    /// <summary>Set top to bottom, at the side of its story rather than over it.</summary>
    public bool IsVertical => Headline.All(l => l.IsVertical);

    /// <summary>
    /// A subheadline's lines, joined. A deck set as lines that are sentences of their own ("… visioni di parte" over
    /// "Il governo ancora …") gets the full stop the layout stood for: the line before ends in a lower-case word, and
    /// the next starts a sentence (a capital, then a lower-case word, unlike a headline in title case).
    /// </summary>
    public static string JoinDeck(IEnumerable<TextLine> lines)
    {
        var text = "";
        foreach (var line in lines.Select(l => l.Text.Trim(' ')))
        {
            text = Script.Join(EndsSentenceBefore(text, line) ? text + "." : text, line);
        }

        return text;
    }

    private static bool EndsSentenceBefore(string text, string next)
    {
        var before = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var after = next.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return before.Length >= 6 && after.Length >= 6
            && before[^1].All(char.IsLower)
            && char.IsUpper(after[0][0]) && after[0].Skip(1).All(char.IsLower) && char.IsLower(after[1][0]);
    }

    public static string JoinText(IEnumerable<TextLine> lines)
    {
        var text = "";
        foreach (var line in lines)
        {
            text = Script.Join(text, line.Text.Trim(' '));
        }

        return text;
    }
}
