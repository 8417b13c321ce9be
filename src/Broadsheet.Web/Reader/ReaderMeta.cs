namespace Broadsheet.Web.Reader;

/// <summary>
/// What the layout puts in a reader page's head: the title, the canonical URL, the OpenGraph card and the
/// schema.org JSON-LD. URLs here are absolute (crawlers and share cards need them so).
/// </summary>
internal sealed record ReaderMeta(string Title, string Canonical)
{
    public const string Key = "ReaderMeta";

    /// <summary>A sentence or two for search results and share cards.</summary>
    public string? Description { get; init; }

    /// <summary><c>website</c> or <c>article</c>.</summary>
    public string OgType { get; init; } = "website";

    public string? Image { get; init; }

    public string? SiteName { get; init; }

    /// <summary>JSON-LD, already serialised with HTML-safe escaping.</summary>
    public string? JsonLd { get; init; }

    /// <summary>The site's public origin (<see cref="Hosting.PublicOrigin"/>) joined with a root-relative <paramref name="path"/>.</summary>
    public static string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<Hosting.PublicOrigin>().Absolute(request, path);
    }

    /// <summary>The first <paramref name="length"/> characters of a text, cut with an ellipsis.</summary>
    public static string? Excerpt(IEnumerable<string> paragraphs, int length = 120)
    {
        var text = string.Join(" ", paragraphs);
        return text.Length == 0 ? null : text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
    }
}
