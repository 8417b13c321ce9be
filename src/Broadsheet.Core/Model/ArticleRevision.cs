namespace Broadsheet.Core.Model;

/// <summary>
/// One change the desk made to an article: who, when, what kind of change, and the article's text before and
/// after as <see cref="ArticleSnapshot"/> lines, from which <see cref="Diff"/> is computed.
/// </summary>
public sealed class ArticleRevision
{
    private ArticleRevision()
    {
        By = "";
        Summary = "";
        Before = "";
        After = "";
    }

    public ArticleRevision(Article article, string by, DateTimeOffset at, string summary, string before, string after)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Article = article;
        By = by;
        At = at;
        Summary = summary;
        Before = before;
        After = after;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article Article { get; private set; } = null!;

    /// <summary>The desk user's name.</summary>
    public string By { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>What was done, in a few words: "edited the fields", "moved a region's vertices", "merged '…' into it".</summary>
    public string Summary { get; private set; }

    public string Before { get; private set; }

    public string After { get; private set; }

    /// <summary>The change line by line: unchanged lines start with two spaces, removed with "- ", added with "+ ".</summary>
    public IReadOnlyList<string> Diff => TextDiff.Lines(Before, After);
}
