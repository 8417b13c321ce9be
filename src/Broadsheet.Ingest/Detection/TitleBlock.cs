using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>An article's display type: kicker (引题) above, headline (主题), subheadline (副题) below.</summary>
internal sealed record TitleBlock(IReadOnlyList<TextLine> Kicker, IReadOnlyList<TextLine> Headline, IReadOnlyList<TextLine> Subheadline)
{
    public IEnumerable<TextLine> Lines => Kicker.Concat(Headline).Concat(Subheadline);

    public PageBox Box => PageBox.Bounding(Lines.Select(l => l.Box));

    public PageBox HeadlineBox => PageBox.Bounding(Headline.Select(l => l.Box));

    public double HeadlineSize => Headline.Max(l => l.FontSize);

    /// <summary>Set top to bottom, at the side of its story rather than over it.</summary>
    public bool IsVertical => Headline.All(l => l.IsVertical);

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
