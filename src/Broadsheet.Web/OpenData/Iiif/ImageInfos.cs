using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Broadsheet.Core.Ports;

namespace Broadsheet.Web.OpenData.Iiif;

/// <summary>The size of a page's tiled image, as its <c>info.json</c> states it.</summary>
internal sealed record ImageInfo(JsonObject Document, int Width, int Height);

/// <summary>
/// Reads the <c>info.json</c> libvips wrote beside a page's tiles. Keys are content hashes, so a document read once
/// never changes; the most recently used are kept.
/// </summary>
internal sealed class ImageInfos(IBlobStore blobs)
{
    private const int Kept = 512;
    private readonly ConcurrentDictionary<string, ImageInfo?> _infos = new(StringComparer.Ordinal);

    /// <summary>The info of the tiles under <paramref name="derivativesKey"/>, or null when the page has none (imported before tiles were cut).</summary>
    public async Task<ImageInfo?> FindAsync(string? derivativesKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(derivativesKey))
        {
            return null;
        }

        if (_infos.TryGetValue(derivativesKey, out var known))
        {
            return known;
        }

        ImageInfo? info = null;
        await using (var stream = await blobs.OpenReadAsync(derivativesKey + "/tiles/info.json", cancellationToken))
        {
            if (stream is not null && await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) is JsonObject document
                && document["width"]?.GetValue<int>() is > 0 and var width && document["height"]?.GetValue<int>() is > 0 and var height)
            {
                info = new ImageInfo(document, width, height);
            }
        }

        if (_infos.Count >= Kept)
        {
            _infos.Clear();
        }

        _infos[derivativesKey] = info;
        return info;
    }
}
