using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Accounts;

internal sealed class EfDeskGrants(IDbContextFactory<BroadsheetDbContext> contexts) : IDeskGrants
{
    public async Task<bool> HasGrantAsync(string userId, int publicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PublicationGrants.AnyAsync(g => g.UserId == userId && g.PublicationId == publicationId, cancellationToken);
    }

    public async Task<IReadOnlyList<int>> GrantedAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PublicationGrants.Where(g => g.UserId == userId).Select(g => g.PublicationId).ToListAsync(cancellationToken);
    }
}
