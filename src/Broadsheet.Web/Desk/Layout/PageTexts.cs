using System.Collections.Concurrent;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Web.Desk.Layout;

/// <summary>
/// Reads a page's text layer from beside its images: every line (<see cref="PageLayoutFile"/>) where the importer
/// kept them, else the articles' lines the reader's search marks with (<see cref="PageTextLayer"/>). Both are
/// immutable once written (their key names the page's PDF), so the last few are kept in memory.
/// </summary>
internal sealed class PageTexts(IBlobStore blobs)
{
    private const int Kept = 32;
    private readonly ConcurrentDictionary<string, (PageText Text, long Used)> _cache = new(StringComparer.Ordinal);
    private long _clock;

    public async Task<PageText> ForAsync(Page page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.DerivativesKey is not { Length: > 0 } key)
        {
            return PageText.Empty;
        }

        if (_cache.TryGetValue(key, out var hit))
        {
            _cache[key] = (hit.Text, Interlocked.Increment(ref _clock));
            return hit.Text;
        }

        var text = await ReadAsync(key, page.WidthPt > 0 ? page.HeightPt / page.WidthPt : 1, cancellationToken);
        _cache[key] = (text, Interlocked.Increment(ref _clock));
        if (_cache.Count > Kept)
        {
            foreach (var old in _cache.OrderBy(e => e.Value.Used).Take(_cache.Count - Kept).ToList())
            {
                _cache.TryRemove(old.Key, out _);
            }
        }

        return text;
    }

    private async Task<PageText> ReadAsync(string key, double aspect, CancellationToken cancellationToken)
    {
        await using (var layout = await blobs.OpenReadAsync($"{key}/{PageLayoutFile.FileName}", cancellationToken))
        {
            if (layout is not null)
            {
                var data = await PageLayoutFile.ReadAsync(layout, cancellationToken);
                return new PageText(data.Lines, data.Images, complete: true, aspect);
            }
        }

        await using var articles = await blobs.OpenReadAsync($"{key}/{PageTextLayer.FileName}", cancellationToken);
        if (articles is null)
        {
            return PageText.Empty;
        }

        // Older imports kept only the articles' lines, without their type size: a line's height stands in for it.
        var lines = await PageTextLayer.ReadAsync(articles, cancellationToken);
        return new PageText([.. lines.Select(l => new PageLayoutLine(l.Text, l.Left, l.Top, l.Right, l.Bottom, Math.Round((l.Bottom - l.Top) * 1000, 1)))], [], complete: false, aspect);
    }
}
