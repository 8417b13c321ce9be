namespace Broadsheet.Data.Copy;

/// <summary>
/// Fills the target database of a copy table by table, all of it in one transaction: a copy that fails or is stopped
/// leaves the target as empty as it found it.
/// </summary>
internal interface ITableWriter : IAsyncDisposable
{
    /// <summary>Writes <paramref name="rows"/> (the properties' values in <paramref name="table"/>'s column order) into it; returns how many.</summary>
    Task<long> WriteAsync(MappedTable table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>Commits every table written.</summary>
    Task CommitAsync(IEnumerable<MappedTable> tables, CancellationToken cancellationToken);
}
