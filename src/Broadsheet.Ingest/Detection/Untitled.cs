using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// A page of running text with no line set larger than its body: a gazette's decrees, a 1807 broadsheet's news, a
/// page of notices. No headline says where one item ends, so the page's text is one article whose headline is its
/// first line, marked as guessed: readers can tap it and search finds it, and the desk sees it among the first to check.
/// </summary>
internal static class Untitled
{
    /// <summary>Below this many characters the lines are scraps (a caption, a slogan), not running text.</summary>
    private const int MinCharacters = 200;

    public static bool Holds(IReadOnlyList<TextLine> lines) => lines.Sum(l => l.Text.Trim().Length) >= MinCharacters;

    public static DetectedArticle Article(IReadOnlyList<TextLine> lines, FontSizes sizes, PageLayout layout)
    {
        // The first line read: the top of the first column.
        var read = Columns.Of(lines).SelectMany(c => c.Lines).ToList();
        var first = read.FirstOrDefault(l => l.Text.Trim().Length >= 2) ?? read[0];
        var body = lines.Where(l => !ReferenceEquals(l, first)).ToList();
        var article = ArticleAssembler.Build(new TitleBlock([], [first], []), body, [], new Dictionary<PageImage, IReadOnlyList<TextLine>>(), layout.Panels, layout.Rules, sizes, layout);
        return article with { HeadlineGuessed = true };
    }
}
