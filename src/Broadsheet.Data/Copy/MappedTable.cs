using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Broadsheet.Data.Copy;

/// <summary>
/// A table as one provider's model maps it, its columns in the order of their properties' names (so both sides of a
/// copy line up), and its rows streamed in key order as the properties' values, one reused array at a time: a table is
/// never held whole in memory.
/// </summary>
internal sealed class MappedTable
{
    private MappedTable(IEntityType entityType, string quotedName, IReadOnlyList<MappedColumn> columns, IReadOnlyList<string> key, ISqlGenerationHelper sql)
    {
        EntityType = entityType;
        QuotedName = quotedName;
        Columns = columns;
        QuotedColumns = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
        QuotedKey = string.Join(", ", key.Select(sql.DelimitIdentifier));
    }

    public IEntityType EntityType { get; }

    public string Name => EntityType.GetTableName()!;

    public string QuotedName { get; }

    public IReadOnlyList<MappedColumn> Columns { get; }

    /// <summary>The columns' names, quoted and comma-separated, in <see cref="Columns"/>' order.</summary>
    public string QuotedColumns { get; }

    public string QuotedKey { get; }

    /// <summary>The table of <paramref name="entityType"/> in <paramref name="db"/>'s model.</summary>
    public static MappedTable Of(IEntityType entityType, DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new MappedColumn(p, p.GetColumnName(table)!))
            .ToList();
        var key = entityType.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(table)!).ToList();
        return new MappedTable(entityType, sql.DelimitIdentifier(table.Name, table.Schema), columns, key, sql);
    }

    /// <summary>
    /// Every row of the table in <paramref name="db"/>, in key order, each as its properties' values in <see cref="Columns"/>'
    /// order. The array is reused for the next row: use it before asking for the next.
    /// </summary>
    public async IAsyncEnumerable<object?[]> RowsAsync(DbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {QuotedColumns} FROM {QuotedName} ORDER BY {QuotedKey}";
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var row = new object?[Columns.Count];
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = Columns[i].ValueAt(reader, i);
                }

                yield return row;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many rows the table holds in <paramref name="db"/>.</summary>
    public async Task<long> CountAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {QuotedName}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
