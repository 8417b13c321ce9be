using System.Collections.Concurrent;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Search;

/// <summary>
/// Marks searched phrases on a page image (<c>?hl=…</c>, from a search result): reads the page's article lines
/// from the blob store (kept for the most recently marked pages) and locates the phrases in them.
/// </summary>
internal sealed class PageHitMarker(IBlobStore blobs)
{
    /// <summary>How many phrases and how long each may be; more is not a reader's search.</summary>
    public const int MaxPhrases = 8;

    private const int MaxPhraseLength = 60;
    private const int KeptPages = 64;

    private readonly ConcurrentDictionary<string, IReadOnlyList<PageTextLine>> _layers = new(StringComparer.Ordinal);

    /// <summary>The phrases a request asks to mark, cleaned; empty when it asks for none.</summary>
    public static IReadOnlyList<string> PhrasesOf(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. query["hl"]
            .OfType<string>()
            .Select(p => p.Trim())
            .Where(p => p.Length is > 0 and <= MaxPhraseLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxPhrases)];
    }

    /// <param name="page">The page shown.</param>
    /// <param name="phrases">What to mark.</param>
    /// <param name="article">Only within this article's regions (the search hit's), or the whole page when null.</param>
    /// <param name="cancellationToken">Stops reading the lines.</param>
    public async Task<IReadOnlyList<HitBox>> MarkAsync(PageView page, IReadOnlyList<string> phrases, ArticleOnPage? article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(phrases);
        if (phrases.Count == 0 || page.Page.DerivativesKey is not { Length: > 0 } prefix)
        {
            return [];
        }

        var lines = await LinesAsync($"{prefix}/{PageTextLayer.FileName}", cancellationToken);
        return PhraseLocator.Locate(lines, phrases, article?.Regions);
    }

    /// <summary>The page's printed article lines (none for a page without a text layer).</summary>
    public async Task<IReadOnlyList<PageTextLine>> LinesAsync(PageView page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Page.DerivativesKey is { Length: > 0 } prefix
            ? await LinesAsync($"{prefix}/{PageTextLayer.FileName}", cancellationToken)
            : [];
    }

    private async Task<IReadOnlyList<PageTextLine>> LinesAsync(string key, CancellationToken cancellationToken)
    {
        if (_layers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        await using var stream = await blobs.OpenReadAsync(key, cancellationToken);
        var lines = stream is null ? [] : await PageTextLayer.ReadAsync(stream, cancellationToken);
        if (_layers.Count >= KeptPages)
        {
            _layers.Clear();
        }

        _layers[key] = lines;
        return lines;
    }
}
