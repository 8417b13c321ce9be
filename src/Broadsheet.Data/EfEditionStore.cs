using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data;

/// <summary>The import pipeline's view of the database.</summary>
internal sealed class EfEditionStore(IDbContextFactory<BroadsheetDbContext> contexts, TimeProvider clock) : IEditionStore
{
    public async Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
    }

    public async Task<Publication> AddPublicationAsync(Publication publication, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Publications.Add(publication);
        await db.SaveChangesAsync(cancellationToken);
        return publication;
    }

    public async Task<bool> EditionExistsAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Editions.AnyAsync(e => e.PublicationId == publicationId && e.Date == date && e.Number == number, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> SaveEditionAsync(Edition edition, bool replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var publicationId = edition.PublicationId != 0 ? edition.PublicationId : edition.Publication.Id;
        var existing = await db.Editions
            .Include(e => e.Pages)
            .FirstOrDefaultAsync(e => e.PublicationId == publicationId && e.Date == edition.Date && e.Number == edition.Number, cancellationToken);

        var orphaned = new List<string>();
        if (existing is not null)
        {
            if (!replace)
            {
                var problem = new EditionExists(edition.Publication.Slug, edition.Date, edition.Number);
                throw new DomainException(problem, problem.Describe());
            }

            // Derivatives are reported as their prefix with a trailing '/'.
            static string?[] KeysOf(Page p) => [p.ImageKey, p.PdfKey, p.DerivativesKey is null ? null : p.DerivativesKey + "/"];
            var kept = edition.Pages.SelectMany(KeysOf).ToHashSet(StringComparer.Ordinal);
            orphaned.AddRange(existing.Pages
                .SelectMany(KeysOf)
                .OfType<string>()
                .Where(k => !kept.Contains(k))
                .Distinct(StringComparer.Ordinal));
            // Content-addressed blobs may be shared with other editions (the same page printed twice).
            var bare = orphaned.Select(k => k.TrimEnd('/')).ToList();
            var shared = await db.Pages
                .Where(p => p.EditionId != existing.Id
                    && (bare.Contains(p.ImageKey!) || bare.Contains(p.PdfKey!) || bare.Contains(p.DerivativesKey!)))
                .Select(p => new[] { p.ImageKey, p.PdfKey, p.DerivativesKey })
                .ToListAsync(cancellationToken);
            var sharedKeys = shared.SelectMany(k => k).OfType<string>().ToHashSet(StringComparer.Ordinal);
            orphaned.RemoveAll(k => sharedKeys.Contains(k.TrimEnd('/')));
            await db.Editions.Where(e => e.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
        }

        // The publication was loaded elsewhere; attach it unchanged rather than inserting it again.
        db.Attach(edition.Publication);
        db.Editions.Add(edition);
        SearchOutbox.Note(db, edition, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return orphaned;
    }

    public async Task<IReadOnlySet<string>> BlobKeysInUseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PageBlobKeys.OfAsync(db.Pages, cancellationToken);
    }
}
