namespace Broadsheet.Core.Ports;

/// <summary>Which publications an editor was given (admins need none: they work on every one).</summary>
public interface IDeskGrants
{
    Task<bool> HasGrantAsync(string userId, int publicationId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the publications <paramref name="userId"/> was given.</summary>
    Task<IReadOnlyList<int>> GrantedAsync(string userId, CancellationToken cancellationToken = default);
}
