using Broadsheet.Core.Model;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Published;

/// <summary>A published edition as listed: its date, number and the label of its first page.</summary>
internal sealed record EditionListing(string Slug, DateOnly Date, int Number, int? IssueNumber, string? FirstPageLabel);

/// <summary>What readers may see: published editions only. Drafts, scheduled and withdrawn editions do not exist here.</summary>
internal sealed class PublishedEditions(IDbContextFactory<BroadsheetDbContext> contexts)
{
    public async Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
    }

    /// <summary>
    /// The newest published edition of any publication, or of <paramref name="slug"/>, or of that publication on
    /// <paramref name="date"/> (the lowest-numbered when the day has several); null when there is none.
    /// </summary>
    public async Task<EditionListing?> LatestAsync(string? slug, DateOnly? date, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editions = Published(db);
        if (slug is not null)
        {
            editions = editions.Where(e => e.Publication.Slug == slug);
        }

        if (date is { } day)
        {
            editions = editions.Where(e => e.Date == day);
        }

        return await Listings(editions.OrderByDescending(e => e.Date).ThenBy(e => e.Number).ThenByDescending(e => e.Id))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>All published editions of a publication, newest first.</summary>
    public async Task<IReadOnlyList<EditionListing>> ListAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var editions = Published(db).Where(e => e.Publication.Slug == slug)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Number);
        return await Listings(editions).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The published edition of <paramref name="slug"/> on <paramref name="date"/> with everything a reader sees;
    /// the lowest-numbered one when the day has several and no <paramref name="number"/> is asked for.
    /// </summary>
    public async Task<EditionView?> FindAsync(string slug, DateOnly date, int? number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var edition = await Published(db)
            .Where(e => e.Publication.Slug == slug && e.Date == date && (number == null || e.Number == number))
            .OrderBy(e => e.Number)
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .Include(e => e.Articles).ThenInclude(a => a.Images)
            .AsSplitQuery()
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        return edition is null ? null : new EditionView(edition);
    }

    private static IQueryable<Edition> Published(BroadsheetDbContext db) =>
        db.Editions.Where(e => e.Status == EditionStatus.Published);

    private static IQueryable<EditionListing> Listings(IQueryable<Edition> editions) =>
        editions.Select(e => new EditionListing(
            e.Publication.Slug,
            e.Date,
            e.Number,
            e.IssueNumber,
            e.Pages.OrderBy(p => p.Order).Select(p => p.Label).FirstOrDefault()));
}

internal static class PublishedEditionsRegistration
{
    public static IServiceCollection AddPublishedEditions(this IServiceCollection services) =>
        services.AddSingleton<PublishedEditions>();
}
