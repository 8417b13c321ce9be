using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Broadsheet.Data.Copy;

/// <summary>
/// PostgreSQL: each table streamed in by one binary <c>COPY … FROM STDIN</c>, every value first turned into what the
/// model stores (its column's type mapping and converter, as EF Core does when it saves: times as UTC, enums as text,
/// paragraphs as JSON, polygons as text) and sent as the column's own type; all tables in one transaction, and the
/// identity columns set to go on after the highest id copied.
/// </summary>
internal sealed partial class PostgresCopyWriter : ITableWriter
{
    private static readonly MethodInfo WriteMethod = typeof(PostgresCopyWriter).GetMethod(nameof(Write), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgresCopyWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresCopyWriter> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return new PostgresCopyWriter(connection, await connection.BeginTransactionAsync(cancellationToken));
    }

    public async Task<long> WriteAsync(MappedTable table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var writers = table.Columns.Select(c => (
                Write: WriteMethod.MakeGenericMethod(c.StoredType).CreateDelegate<Action<NpgsqlBinaryImporter, object, string>>(),
                Type: TypeName(c.Mapping.StoreType)))
            .ToArray();
        long written = 0;
        await using var importer = await _connection.BeginBinaryImportAsync(
            $"COPY {table.QuotedName} ({table.QuotedColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            // Synchronous writes: they only fill Npgsql's buffer, which goes to the server as it fills.
            importer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (table.Columns[i].Stored(row[i]) is { } stored)
                {
                    writers[i].Write(importer, stored, writers[i].Type);
                }
                else
                {
                    importer.WriteNull();
                }
            }

            written++;
        }

        await importer.CompleteAsync(cancellationToken);
        return written;
    }

    public async Task CommitAsync(IEnumerable<MappedTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await ContinueIdentityAsync(table, cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
        // Rows written by COPY have no planner statistics until autovacuum gets to them: the installation's first
        // reader queries are planned with them, not blind.
        await using var analyse = new NpgsqlCommand("ANALYZE", _connection) { CommandTimeout = 0 };
        await analyse.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>An identity column hands out the next id after the highest copied, not 1.</summary>
    private async Task ContinueIdentityAsync(MappedTable table, CancellationToken cancellationToken)
    {
        var key = table.EntityType.FindPrimaryKey()!.Properties;
        if (key.Count != 1 || key[0].ValueGenerated != ValueGenerated.OnAdd || (key[0].ClrType != typeof(int) && key[0].ClrType != typeof(long)))
        {
            return;
        }

        var column = table.Columns.Single(c => c.Property == key[0]).Name.Replace("\"", "\"\"", StringComparison.Ordinal);
        var name = table.Name.Replace("'", "''", StringComparison.Ordinal).Replace("\"", "\"\"", StringComparison.Ordinal);
        await using var command = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column.Replace("'", "''", StringComparison.Ordinal)}'), "
            + $"(SELECT COALESCE(MAX(\"{column}\"), 0) + 1 FROM {table.QuotedName}), false)",
            _connection,
            _transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The store type without its facets: <c>character varying(500)</c> is sent as <c>character varying</c>.</summary>
    private static string TypeName(string storeType) => Facets().Replace(storeType, "").Trim();

    [GeneratedRegex(@"\([0-9, ]*\)")]
    private static partial Regex Facets();

    private static void Write<T>(NpgsqlBinaryImporter importer, object value, string type) => importer.Write((T)value, type);
}
