using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Web.Published;

/// <summary>An article the desk corrected after publication, where it is read and what the correction says.</summary>
internal sealed record PublishedCorrection(ArticleOnPage Article, EditionView Edition, string Note, DateTimeOffset CorrectedAt);

/// <summary>
/// The corrections (更正) of a publication's published editions, newest first, for its corrections page and
/// feed, and an article's text as it was first published.
/// </summary>
internal sealed class PublishedCorrections(IReaderFeedback feedback)
{
    public async Task<IReadOnlyList<PublishedCorrection>> LatestAsync(string slug, int take, CancellationToken cancellationToken)
    {
        var corrected = await feedback.LatestCorrectionsAsync(slug, take, cancellationToken);
        var views = new Dictionary<Edition, EditionView>(ReferenceEqualityComparer.Instance);
        var list = new List<PublishedCorrection>();
        foreach (var (edition, id) in corrected)
        {
            if (!views.TryGetValue(edition, out var view))
            {
                views[edition] = view = new EditionView(edition);
            }

            var article = view.Edition.Articles.First(a => a.Id == id);
            if (view.Home(article) is { } home && article.CorrectionNote is { } note && article.CorrectedAt is { } at)
            {
                list.Add(new PublishedCorrection(home, view, note, at));
            }
        }

        return list;
    }

    public async Task<string?> OriginalSnapshotAsync(int articleId, DateTimeOffset? publishedAt, CancellationToken cancellationToken)
    {
        var after = publishedAt ?? DateTimeOffset.MinValue;
        var revisions = await feedback.RevisionsAsync(articleId, cancellationToken);
        // An article has few revisions.
        return revisions.Where(r => r.At > after).OrderBy(r => r.At)
            .Where(r => ArticleSnapshots.TextOf(r.Before) != ArticleSnapshots.TextOf(r.After))
            .Select(r => r.Before)
            .FirstOrDefault();
    }
}
