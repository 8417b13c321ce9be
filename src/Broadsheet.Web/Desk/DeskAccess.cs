using System.Security.Claims;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Accounts;

namespace Broadsheet.Web.Desk;

/// <summary>What a signed-in desk user may work on: admins every publication, editors the ones they were given.</summary>
internal sealed class DeskAccess(IPublicationSettings publications, IDeskGrants grants)
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

        return await grants.HasGrantAsync(userId, publicationId, cancellationToken);
    }

    /// <summary>The publications <paramref name="user"/> may work on, by name.</summary>
    public async Task<IReadOnlyList<Publication>> PublicationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var all = await publications.AllAsync(cancellationToken);
        if (IsAdmin(user))
        {
            return all;
        }

        var granted = (await grants.GrantedAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", cancellationToken)).ToHashSet();
        return [.. all.Where(p => granted.Contains(p.Id))];
    }

    /// <summary>
    /// The publication <paramref name="slug"/> when <paramref name="user"/> may work on it. A page answers
    /// <see cref="Verdict.Missing"/> with 404 and <see cref="Verdict.Refused"/> with 403.
    /// </summary>
    public async Task<(Verdict Verdict, Publication? Publication)> PublicationAsync(ClaimsPrincipal user, string slug, CancellationToken cancellationToken)
    {
        var publication = await publications.FindAsync(slug, cancellationToken);
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
