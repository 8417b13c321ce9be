using System.Globalization;
using System.Text.RegularExpressions;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>
/// What an incremental pass fetches again: the editions that changed, their neighbours (whose 上一期/下一期 links name
/// them), and every page not tied to an edition (the front, feeds, the publication's API list), the month and year pages
/// of their dates (calendars, sitemaps, IIIF year collections, year downloads). Every other edition's files are kept as
/// they are, unread.
/// </summary>
/// <param name="changed">Editions published, replaced, edited or withdrawn since the last pass.</param>
/// <param name="neighbours">The published editions just before and after each of them.</param>
internal sealed partial class ExportScope(IReadOnlyCollection<(string Slug, DateOnly Date)> changed, IReadOnlyCollection<(string Slug, DateOnly Date)> neighbours)
{
    private readonly HashSet<(string Slug, DateOnly Date)> _dates = [.. changed, .. neighbours];

    public IReadOnlyCollection<(string Slug, DateOnly Date)> Changed { get; } = changed;

    /// <summary>Where the pass starts: every page that lists a changed edition, the editions themselves and their neighbours.</summary>
    public IEnumerable<string> Seeds(ExportFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        yield return "/";
        yield return "/sitemap.xml";
        foreach (var slug in _dates.Select(d => d.Slug).Distinct(StringComparer.Ordinal))
        {
            yield return $"/{slug}/";
            yield return $"/{slug}/feed.atom";
            yield return $"/{slug}/corrections";
            yield return $"/{slug}/corrections.atom";
            yield return $"/api/v1/publications/{slug}/editions";
            yield return $"/iiif/{slug}";
            // A page name's feed lists the newest articles printed under it, whichever edition they are in.
            foreach (var feed in files.List($"{slug}/pages"))
            {
                yield return "/" + feed;
            }
        }

        foreach (var (slug, date) in _dates)
        {
            var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return $"/{slug}/{day}";
            yield return $"/api/v1/publications/{slug}/editions/{day}";
            yield return string.Create(CultureInfo.InvariantCulture, $"/{slug}/{date.Year:0000}/{date.Month:00}");
            yield return string.Create(CultureInfo.InvariantCulture, $"/sitemaps/{slug}/{date.Year:0000}-{date.Month:00}.xml");
            yield return string.Create(CultureInfo.InvariantCulture, $"/iiif/{slug}/{date.Year:0000}");
            var year = string.Create(CultureInfo.InvariantCulture, $"/api/v1/publications/{slug}/years/{date.Year:0000}.zip");
            if (files.Exists(year.TrimStart('/')))
            {
                yield return year;
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is fetched again (it may have changed), rather than kept as exported before.</summary>
    public bool Refetch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slug = ExportPaths.SlugOf(path);
        if (EditionDate().Match(path) is { Success: true } day)
        {
            return slug is not null && _dates.Contains((slug, Parse(day.Groups[1].Value, "yyyy-MM-dd")));
        }

        if (Month().Match(path) is { Success: true } month)
        {
            var first = Parse(month.Groups[1].Value + "-" + month.Groups[2].Value + "-01", "yyyy-MM-dd");
            return slug is not null && _dates.Any(d => d.Slug == slug && d.Date.Year == first.Year && d.Date.Month == first.Month);
        }

        if (Year().Match(path) is { Success: true } year)
        {
            var number = int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture);
            return slug is not null && _dates.Any(d => d.Slug == slug && d.Date.Year == number);
        }

        return true;
    }

    private static DateOnly Parse(string text, string format) => DateOnly.ParseExact(text, format, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/(\d{4}-\d{2}-\d{2})(/|_|\.|\?|$)")]
    private static partial Regex EditionDate();

    /// <summary>A calendar (<c>/slug/2026/11</c>) or a month's sitemap (<c>/sitemaps/slug/2026-11.xml</c>).</summary>
    [GeneratedRegex(@"/(\d{4})[/-](\d{2})(/|\.xml|$)")]
    private static partial Regex Month();

    /// <summary>A IIIF year collection (<c>/iiif/slug/2026</c>) or a year's download (<c>…/years/2026.zip</c>).</summary>
    [GeneratedRegex(@"/(\d{4})(/|\.zip|$)")]
    private static partial Regex Year();
}
