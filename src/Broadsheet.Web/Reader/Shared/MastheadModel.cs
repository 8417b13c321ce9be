using Broadsheet.Core.Model;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Reader;

/// <summary>
/// What the masthead shows: the site's links, the header search, the paper's name and the date line. On an
/// edition's pages the date is that edition's with 上一期/下一期; on the calendar and search pages it is the
/// latest edition's, so every reader page keeps the search box and the date.
/// </summary>
internal sealed record MastheadModel(Publication? Publication)
{
    /// <summary>The edition being read, with its neighbours; null on pages that are not an edition's.</summary>
    public EditionView? Edition { get; init; }

    /// <summary>The newest edition, shown when no edition is being read.</summary>
    public EditionListing? Latest { get; init; }

    /// <summary>The search box's text, on the results page.</summary>
    public string? Query { get; init; }

    public string? Slug => Publication?.Slug;

    /// <summary>The date the masthead shows, and whether it is the edition being read.</summary>
    public DateOnly? Date => Edition?.Date ?? Latest?.Date;

    /// <summary>Where the paper's name leads: the first page of the edition shown, else the latest.</summary>
    public string Home => Edition?.FirstPage?.Url ?? Latest?.Url ?? (Slug is { } slug ? ReaderUrls.Publication(slug) : "/");

    public static MastheadModel For(EditionView edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return new MastheadModel(edition.Publication) { Edition = edition };
    }
}
