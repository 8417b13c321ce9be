using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Broadsheet.Data.Copy;

/// <summary>
/// Any provider (SQLite): one INSERT command a table, executed row by row in one transaction, each value made a
/// parameter by its column's type mapping exactly as EF Core makes it when it saves.
/// </summary>
internal sealed class InsertWriter : ITableWriter
{
    private readonly DbContext _db;
    private readonly IDbContextTransaction _transaction;

    private InsertWriter(DbContext db, IDbContextTransaction transaction)
    {
        _db = db;
        _transaction = transaction;
    }

    public static async Task<InsertWriter> OpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new InsertWriter(db, await db.Database.BeginTransactionAsync(cancellationToken));
    }

    public async Task<long> WriteAsync(MappedTable table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        command.CommandText = $"INSERT INTO {table.QuotedName} ({table.QuotedColumns}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        long written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            command.Parameters.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                var column = table.Columns[i];
                command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), row[i], column.Property.IsNullable));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            written++;
        }

        return written;
    }

    public async Task CommitAsync(IEnumerable<MappedTable> tables, CancellationToken cancellationToken) =>
        await _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
    }
}
