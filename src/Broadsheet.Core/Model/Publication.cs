namespace Broadsheet.Core.Model;

/// <summary>How a publication numbers its pages: plain <c>01</c> or sectioned <c>A01</c>.</summary>
public enum PageLabelStyle
{
    /// <summary>Two-digit numbers: 01, 02 …</summary>
    Numeric = 0,

    /// <summary>A section letter and a number: A01, A02, B01 …</summary>
    Sectioned = 1,
}

/// <summary>A newspaper title: the thing readers know by name, which has one edition per day (or several).</summary>
public sealed class Publication
{
    private Publication()
    {
        Slug = "";
        Name = "";
        Language = "zh-CN";
        TimeZoneId = "Asia/Shanghai";
    }

    /// <summary>Creates a publication; the slug is the URL segment, the time zone an IANA id.</summary>
    public Publication(string slug, string name, string language = "zh-CN", string timeZoneId = "Asia/Shanghai")
    {
        if (!IsValidSlug(slug))
        {
            throw new DomainException(ReservedSlugs.Contains(slug ?? "")
                ? $"Publication slug '{slug}' is taken by the site's own pages; choose another."
                : $"Publication slug '{slug}' must be 1-64 lowercase letters, digits or hyphens.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _ = ResolveTimeZone(timeZoneId);
        Slug = slug;
        Name = name;
        Language = language;
        TimeZoneId = timeZoneId;
    }

    public int Id { get; private set; }

    public string Slug { get; private set; }

    public string Name { get; set; }

    /// <summary>BCP 47 language tag of the interface and the content, e.g. <c>zh-CN</c> or <c>en</c>.</summary>
    public string Language { get; set; }

    /// <summary>IANA time zone in which edition dates are reckoned.</summary>
    public string TimeZoneId { get; private set; }

    public PageLabelStyle PageLabelStyle { get; set; }

    /// <summary>Footer lines shown on every reader page: licence number, ICP record, copyright.</summary>
    public List<string> FooterLines { get; set; } = [];

    /// <summary>The paper's own website (网站首页), linked from every reader page; null when it has none.</summary>
    public string? WebsiteUrl { get; private set; }

    /// <summary>
    /// The terms on which the paper's text and images may be reused (a licence's name and URL, or the paper's own
    /// words), given with its bulk data and exports; null when the paper has not said.
    /// </summary>
    public string? Licence { get; set; }

    /// <summary>When set, imported editions wait as drafts for the desk to publish them; otherwise they go out at once.</summary>
    public bool ImportAsDraft { get; set; }

    /// <summary>The date a given instant falls on in this publication's time zone.</summary>
    public DateOnly DateAt(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, ResolveTimeZone(TimeZoneId));
        return DateOnly.FromDateTime(local.DateTime);
    }

    /// <summary>Today's date in this publication's time zone.</summary>
    public DateOnly Today(TimeProvider clock) => DateAt(clock.GetUtcNow());

    /// <summary>Sets the paper's website: an absolute http or https address, or null or blank for none.</summary>
    public void ChangeWebsite(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            WebsiteUrl = null;
            return;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DomainException($"The website '{url}' must be an address starting with http:// or https://.");
        }

        WebsiteUrl = uri.AbsoluteUri;
    }

    public void ChangeTimeZone(string timeZoneId)
    {
        _ = ResolveTimeZone(timeZoneId);
        TimeZoneId = timeZoneId;
    }

    /// <summary>Words the site's own URLs use at the top level (<c>/desk</c>, <c>/api</c> …), so no paper may take them.</summary>
    public static IReadOnlySet<string> ReservedSlugs { get; } =
        new HashSet<string>(["desk", "api", "media", "search", "static", "css", "js", "lib", "not-found", "sitemap", "robots", "iiif",
            // …and the desk's own words under /desk, where /desk/{slug} is a paper's calendar.
            "login", "logout", "denied", "admin", "articles"], StringComparer.Ordinal);

    public static bool IsValidSlug(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 64
        && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && slug[0] != '-' && slug[^1] != '-'
        && !ReservedSlugs.Contains(slug);

    private static TimeZoneInfo ResolveTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new DomainException($"Unknown time zone '{id}'.");
        }
    }
}
