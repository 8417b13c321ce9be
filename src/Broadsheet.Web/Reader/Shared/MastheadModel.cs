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

    /// <summary>
    /// On the results page of a search limited to one edition (仅本期), that edition as the reader's URLs name it: the
    /// header box offers the same limit, ticked, so a new query there stays within the edition unless unticked.
    /// </summary>
    public string? SearchEdition { get; init; }

    /// <summary>The edition the header box's 仅本期 limits a search to, and whether it starts ticked.</summary>
    public (string Segment, bool Ticked)? ThisEdition =>
        Edition is { } edition ? (ReaderUrls.Segment(edition.Date, edition.Number), false)
        : SearchEdition is { } segment ? (segment, true)
        : null;

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
