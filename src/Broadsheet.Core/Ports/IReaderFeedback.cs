using Broadsheet.Core.Model;

namespace Broadsheet.Core.Ports;

/// <summary>What readers are told about corrections and what they report back: the corrections page and feed, an article's original text, and readers' reports with the desk's queue of them.</summary>
public interface IReaderFeedback
{
    /// <summary>
    /// The <paramref name="take"/> latest corrected articles of a publication's published editions, newest first, each
    /// with its edition whole (pages, articles, regions, publication; untracked), since an article's number on its page
    /// depends on the others.
    /// </summary>
    Task<IReadOnlyList<(Edition Edition, int ArticleId)>> LatestCorrectionsAsync(string slug, int take, CancellationToken cancellationToken = default);

    /// <summary>An article's revisions (when, the text before, the text after), in no order.</summary>
    Task<IReadOnlyList<(DateTimeOffset At, string Before, string After)>> RevisionsAsync(int articleId, CancellationToken cancellationToken = default);

    Task AddReportAsync(ReaderReport report, CancellationToken cancellationToken = default);

    /// <summary>Reports not yet dealt with for the publications given, oldest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<ReaderReport>> OpenReportsAsync(IReadOnlyCollection<int> publicationIds, int take, CancellationToken cancellationToken = default);

    /// <summary>A report with its publication's slug, or null when there is none.</summary>
    Task<(ReaderReport Report, string Slug)?> FindReportAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Marks a report dealt with by <paramref name="user"/>.</summary>
    Task ResolveReportAsync(int id, string user, DateTimeOffset at, CancellationToken cancellationToken = default);
}
