using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Sites;

/// <summary>The old site's links, each call in a short-lived context.</summary>
internal sealed class EfOldLinks(IDbContextFactory<BroadsheetDbContext> contexts) : IOldLinks
{
    public async Task ReplaceAsync(int publicationId, DateOnly date, IReadOnlyList<OldLink> links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var paths = links.Select(l => l.Path).ToList();
        await db.OldLinks.Where(l => (l.PublicationId == publicationId && l.Date == date) || paths.Contains(l.Path)).ExecuteDeleteAsync(cancellationToken);
        db.OldLinks.AddRange(links.DistinctBy(l => l.Path, StringComparer.Ordinal));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> CountAsync(int publicationId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OldLinks.CountAsync(l => l.PublicationId == publicationId && l.Date == date, cancellationToken);
    }

    public async Task<string?> FindAsync(string path, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(path) || path.Length > OldLink.MaxPathLength)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OldLinks.AsNoTracking().Where(l => l.Path == path).Select(l => l.Target).FirstOrDefaultAsync(cancellationToken);
    }
}
