using System.Security.Claims;
using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Desk;

/// <summary>What a signed-in desk user may work on: admins every publication, editors the ones they were given.</summary>
internal sealed class DeskAccess(IDbContextFactory<BroadsheetDbContext> contexts)
{
    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(DeskRoles.Admin);

    /// <summary>The name revisions and the audit log record for <paramref name="user"/>.</summary>
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "?";

    public async Task<bool> MayWorkOnAsync(ClaimsPrincipal user, int publicationId, CancellationToken cancellationToken)
    {
        if (IsAdmin(user))
        {
            return true;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(DeskRoles.Editor))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PublicationGrants.AnyAsync(g => g.UserId == userId && g.PublicationId == publicationId, cancellationToken);
    }

    /// <summary>The publications <paramref name="user"/> may work on, by name.</summary>
    public async Task<IReadOnlyList<Publication>> PublicationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = db.Publications.AsNoTracking();
        if (!IsAdmin(user))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var granted = db.PublicationGrants.Where(g => g.UserId == userId).Select(g => g.PublicationId);
            all = all.Where(p => granted.Contains(p.Id));
        }

        return await all.OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The publication <paramref name="slug"/> when <paramref name="user"/> may work on it. A page answers
    /// <see cref="Verdict.Missing"/> with 404 and <see cref="Verdict.Refused"/> with 403.
    /// </summary>
    public async Task<(Verdict Verdict, Publication? Publication)> PublicationAsync(ClaimsPrincipal user, string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var publication = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (publication is null)
        {
            return (Verdict.Missing, null);
        }

        return await MayWorkOnAsync(user, publication.Id, cancellationToken) ? (Verdict.Allowed, publication) : (Verdict.Refused, null);
    }

    internal enum Verdict
    {
        Allowed,
        Missing,
        Refused,
    }
}
