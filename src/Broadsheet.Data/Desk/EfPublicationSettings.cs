using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Desk;

/// <summary>Publications for the desk; a change and its audit entry share one <c>SaveChanges</c>.</summary>
internal sealed class EfPublicationSettings(IDbContextFactory<BroadsheetDbContext> contexts) : IPublicationSettings
{
    public async Task<Publication?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
    }

    public async Task<IReadOnlyList<Publication>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Publications.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PublicationListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Publications.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { Publication = p, Editions = db.Editions.Count(e => e.PublicationId == p.Id) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PublicationListing(r.Publication, r.Editions))];
    }

    public async Task AddAsync(Publication publication, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Publications.AnyAsync(p => p.Slug == publication.Slug, cancellationToken))
        {
            throw new DomainException($"Publication '{publication.Slug}' already exists.");
        }

        db.Publications.Add(publication);
        db.AuditLog.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> ChangeAsync(string slug, Func<Publication, AuditEntry> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Publications.FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken) is not { } publication)
        {
            return false;
        }

        db.AuditLog.Add(change(publication));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
