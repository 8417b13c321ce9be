using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Search;

/// <summary>What one catch-up or rebuild did.</summary>
/// <param name="Editions">Editions indexed again or removed.</param>
/// <param name="Rebuilt">Whether the whole index was built afresh (it was missing, damaged or out of date).</param>
public sealed record SearchSyncResult(int Editions, bool Rebuilt);

/// <summary>
/// Keeps the index in step with the database: the database records each edition change in the search feed
/// in the same transaction as the change, and this applies the pending ones to the index, one edition in one
/// commit, then forgets them. Run by whichever process holds the index (the server, or an import or reindex
/// when no server runs), it catches up after a crash or with changes another process made.
/// </summary>
public sealed class SearchSync(SearchIndex index, ISearchFeed feed)
{
    private const int Batch = 100;

    private bool _rebuiltSinceOpen;

    /// <summary>
    /// Makes the index ready to serve: rebuilds it from the database when it was missing, damaged or of an
    /// older format when opened, or the feed no longer holds every change it missed, then applies every pending change.
    /// </summary>
    public async Task<SearchSyncResult> EnsureCurrentAsync(IProgress<int>? rebuildProgress = null, CancellationToken cancellationToken = default)
    {
        if (!_rebuiltSinceOpen && (index.HealthAtOpen.NeedsRebuild || !await feed.CanCatchUpAsync(cancellationToken)))
        {
            await RebuildAsync(rebuildProgress, cancellationToken);
            var after = await CatchUpAsync(cancellationToken);
            return new SearchSyncResult(after.Editions, Rebuilt: true);
        }

        return await CatchUpAsync(cancellationToken);
    }

    /// <summary>Applies the pending changes, oldest first, until there are none.</summary>
    public async Task<SearchSyncResult> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var editions = 0;
        while (true)
        {
            var pending = await feed.PendingAsync(Batch, cancellationToken);
            if (pending.Count == 0)
            {
                return new SearchSyncResult(editions, Rebuilt: false);
            }

            // An edition changed three times since the last catch-up is indexed once, as it is now.
            foreach (var edition in pending.Select(c => c.Edition).Distinct())
            {
                await ApplyAsync(edition, cancellationToken);
                editions++;
            }

            await feed.MarkDoneAsync(pending.Select(c => c.Id), cancellationToken);
        }
    }

    /// <summary>Builds the index afresh from every published edition and swaps it in; searches go on meanwhile.</summary>
    public async Task<int> RebuildAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        // Changes recorded before the rebuild reads the database are in it; later ones stay pending.
        var through = await feed.LatestChangeIdAsync(cancellationToken);
        await index.RebuildAsync(AllDocumentsAsync(cancellationToken), progress, cancellationToken);
        await feed.MarkDoneThroughAsync(through, cancellationToken);
        _rebuiltSinceOpen = true;
        return index.DocumentCount;
    }

    /// <summary>
    /// The search documents of an edition's articles, numbered as the reader numbers them. Advertisements and notices
    /// are on the page but not in search: a reader searching for news should not get a sale or a court's notice.
    /// </summary>
    public static IEnumerable<ArticleDocument> Documents(Edition edition) =>
        ArticleHomes.Of(edition)
            .Where(home => home.Article.Kind is not (ArticleKind.Advertisement or ArticleKind.Notice))
            .Select(home => ArticleDocument.From(home.Article, home.Page, home.N));

    private async Task ApplyAsync(EditionRef edition, CancellationToken cancellationToken)
    {
        if (await feed.FindPublishedAsync(edition, cancellationToken) is { } published)
        {
            await index.ReplaceEditionAsync(edition.PublicationSlug, edition.Date, edition.Number, Documents(published), cancellationToken);
        }
        else
        {
            // Withdrawn, unpublished or deleted: readers must not find it.
            await index.DeleteEditionAsync(edition.PublicationSlug, edition.Date, edition.Number, cancellationToken);
        }
    }

    private async IAsyncEnumerable<ArticleDocument> AllDocumentsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var edition in feed.AllPublishedAsync(cancellationToken))
        {
            foreach (var document in Documents(edition))
            {
                yield return document;
            }
        }
    }
}
