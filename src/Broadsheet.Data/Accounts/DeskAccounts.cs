using Broadsheet.Core.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Accounts;

/// <summary>Creates desk users and says which publications they may work on; used by the command line and the desk.</summary>
public sealed class DeskAccounts(UserManager<DeskUser> users, RoleManager<IdentityRole> roles, BroadsheetDbContext db)
{
    /// <summary>
    /// Creates <paramref name="userName"/> with <paramref name="role"/>, giving an editor <paramref name="publicationSlugs"/>;
    /// <paramref name="audit"/>, when given, is saved in the same transaction.
    /// </summary>
    public async Task<DeskUser> AddAsync(string userName, string password, string role, IReadOnlyCollection<string> publicationSlugs, CancellationToken cancellationToken = default, AuditEntry? audit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (!DeskRoles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new DomainException($"Role '{role}' does not exist; use {string.Join(" or ", DeskRoles.All)}.");
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new DomainException($"A desk user named '{userName}' already exists.");
        }

        var publications = await PublicationIdsAsync(publicationSlugs, cancellationToken);
        if (role == DeskRoles.Editor && publications.Count == 0)
        {
            throw new DomainException("An editor needs at least one publication (--publication <slug>).");
        }

        foreach (var name in DeskRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                Check(await roles.CreateAsync(new IdentityRole(name)), userName);
            }
        }

        // Identity saves after each call: one transaction keeps the account, its role and the audit line together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new DeskUser(userName);
        user.Publications.AddRange(publications.Select(id => new PublicationGrant { PublicationId = id }));
        Check(await users.CreateAsync(user, password), userName);
        if (audit is not null)
        {
            db.AuditLog.Add(audit);
        }

        Check(await users.AddToRoleAsync(user, role), userName);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>Replaces <paramref name="userName"/>'s password and lifts any lockout.</summary>
    public async Task SetPasswordAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new DomainException($"No desk user named '{userName}'.");
        foreach (var error in users.PasswordValidators)
        {
            Check(await error.ValidateAsync(users, user, password), userName);
        }

        Check(await users.RemovePasswordAsync(user), userName);
        Check(await users.AddPasswordAsync(user, password), userName);
        Check(await users.SetLockoutEndDateAsync(user, null), userName);
        Check(await users.ResetAccessFailedCountAsync(user), userName);
    }

    /// <summary>Gives <paramref name="userName"/> exactly <paramref name="publicationSlugs"/>, saved with <paramref name="audit"/> when given.</summary>
    public async Task SetPublicationsAsync(string userName, IReadOnlyCollection<string> publicationSlugs, CancellationToken cancellationToken = default, AuditEntry? audit = null)
    {
        var user = await db.Users.Include(u => u.Publications).FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new DomainException($"No desk user named '{userName}'.");
        var ids = await PublicationIdsAsync(publicationSlugs, cancellationToken);
        user.Publications.RemoveAll(g => !ids.Contains(g.PublicationId));
        user.Publications.AddRange(ids.Where(id => !user.Publications.Exists(g => g.PublicationId == id)).Select(id => new PublicationGrant { PublicationId = id }));
        if (audit is not null)
        {
            db.AuditLog.Add(audit);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every desk user with their role and publications, by name.</summary>
    public async Task<IReadOnlyList<(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Publications)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Users.AsNoTracking().Include(u => u.Publications).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var slugs = await db.Publications.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Slug, cancellationToken);
        var result = new List<(string, IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var user in all)
        {
            var userRoles = await users.GetRolesAsync(user);
            result.Add((user.UserName ?? "", [.. userRoles], [.. user.Publications.Select(g => slugs.GetValueOrDefault(g.PublicationId, "?"))]));
        }

        return result;
    }

    private async Task<List<int>> PublicationIdsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        var found = await db.Publications.Where(p => slugs.Contains(p.Slug)).Select(p => new { p.Id, p.Slug }).ToListAsync(cancellationToken);
        var missing = slugs.Except(found.Select(p => p.Slug), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException($"No publication '{string.Join("', '", missing)}'.");
        }

        return [.. found.Select(p => p.Id)];
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new DomainException($"Desk user '{userName}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
