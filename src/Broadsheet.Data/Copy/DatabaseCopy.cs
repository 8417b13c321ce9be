using System.Diagnostics;
using System.Globalization;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Copy;

/// <summary>One table copied: its rows on each side and the checksum of each side's rows (<see cref="TableChecksum"/>).</summary>
public sealed record CopiedTable(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>
/// <c>broadsheet db copy</c>: every row of one installation's database into another, empty one (SQLite to PostgreSQL),
/// table by table with parents before children, keeping every id, in one transaction; then each table counted and
/// checksummed on both sides, read back afresh. Each table is streamed in key order from the source, every value read
/// and written through its column's type mapping, so each provider's conversions (times, enums, polygons, paragraphs)
/// apply as they do when the application writes; PostgreSQL takes the rows by binary COPY, any other provider by an
/// INSERT command (<see cref="ITableWriter"/>). Blobs stay where they are: both databases name them by the same keys.
/// </summary>
public static class DatabaseCopy
{
    private const int ProgressEvery = 100_000;

    /// <summary>Copies <paramref name="from"/>'s database into <paramref name="to"/>'s, which must hold no rows; both are migrated first.</summary>
    public static async Task<IReadOnlyList<CopiedTable>> RunAsync(DataFolder from, DataFolder to, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!from.DatabaseIsServer && !File.Exists(from.DatabasePath))
        {
            throw new DomainException($"{from.DatabasePath}: no database there to copy from (--from names an installation's data folder).");
        }

        await using var source = new ServiceCollection().AddBroadsheetData(from).BuildServiceProvider();
        await using var target = new ServiceCollection().AddBroadsheetData(to).BuildServiceProvider();
        await source.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await target.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var sources = source.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        var targets = target.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();

        await using (var read = await sources.CreateDbContextAsync(cancellationToken))
        await using (var write = await targets.CreateDbContextAsync(cancellationToken))
        {
            var tables = InOrder(write.Model).Select(e => (From: Paired(e, read), To: MappedTable.Of(e, write))).ToList();
            foreach (var (_, table) in tables)
            {
                var rows = await table.CountAsync(write, cancellationToken);
                if (rows > 0)
                {
                    throw new DomainException($"--to already holds {rows} rows in {table.Name}; db copy fills an empty database only, and changed nothing.");
                }
            }

            await using var writer = to.DatabaseIsServer
                ? (ITableWriter)await PostgresCopyWriter.OpenAsync(PostgresDatabase.ConnectionString(to.Database!), cancellationToken)
                : await InsertWriter.OpenAsync(write, cancellationToken);
            var all = Stopwatch.StartNew();
            foreach (var (sourceTable, table) in tables)
            {
                var clock = Stopwatch.StartNew();
                var copied = await writer.WriteAsync(table, Reported(sourceTable.RowsAsync(read, cancellationToken), table.Name, clock, progress), cancellationToken);
                progress?.Report(Rate(table.Name, "copied", copied, clock.Elapsed));
            }

            await writer.CommitAsync(tables.Select(t => t.To), cancellationToken);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"every table copied in {all.Elapsed.TotalSeconds:0.0} s; counting and checksumming both sides"));
        }

        var check = Stopwatch.StartNew();
        var sourceSums = Task.Run(() => ChecksumsAsync(sources, cancellationToken), cancellationToken);
        var targetSums = Task.Run(() => ChecksumsAsync(targets, cancellationToken), cancellationToken);
        await Task.WhenAll(sourceSums, targetSums);
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"both sides checksummed in {check.Elapsed.TotalSeconds:0.0} s"));
        return targetSums.Result
            .Select(t => (Table: t.Key, Target: t.Value, Source: sourceSums.Result.GetValueOrDefault(t.Key, (0, ""))))
            .Select(t => new CopiedTable(t.Table, t.Source.Rows, t.Target.Rows, t.Source.Checksum, t.Target.Checksum))
            .ToList();
    }

    /// <summary>Each table's rows and checksum, as <see cref="RunAsync"/> compares them: to check a copy, or a round trip, afterwards.</summary>
    public static async Task<IReadOnlyDictionary<string, (long Rows, string Checksum)>> ChecksumsAsync(DataFolder folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        await using var services = new ServiceCollection().AddBroadsheetData(folder).BuildServiceProvider();
        return await ChecksumsAsync(services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>(), cancellationToken);
    }

    /// <summary>Every table's rows and checksum, in the order the tables are copied, one table streamed at a time.</summary>
    private static async Task<IReadOnlyDictionary<string, (long Rows, string Checksum)>> ChecksumsAsync(IDbContextFactory<BroadsheetDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var entityType in InOrder(db.Model))
        {
            var table = MappedTable.Of(entityType, db);
            var sum = new TableChecksum();
            long rows = 0;
            await foreach (var row in table.RowsAsync(db, cancellationToken))
            {
                sum.Add(table.Columns, row);
                rows++;
            }

            result[table.Name] = (rows, sum.Finish());
        }

        return result;
    }

    /// <summary>The source's table for the target's <paramref name="entityType"/>, its columns in the same order.</summary>
    private static MappedTable Paired(IEntityType entityType, DbContext source)
    {
        var from = MappedTable.Of(source.Model.FindEntityType(entityType.Name)
            ?? throw new InvalidOperationException($"The source's model has no {entityType.Name}."), source);
        var names = entityType.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal);
        if (!from.Columns.Select(c => c.Property.Name).SequenceEqual(names, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"{entityType.Name} has other properties in the source's model than in the target's.");
        }

        return from;
    }

    /// <summary>Every table's entity type, each after those it refers to.</summary>
    private static List<IEntityType> InOrder(IModel model)
    {
        var all = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        while (ordered.Count < all.Count)
        {
            var next = all.Where(e => !ordered.Contains(e)
                    && e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Contains(fk.PrincipalEntityType)))
                .OrderBy(e => e.GetTableName(), StringComparer.Ordinal)
                .ToList();
            if (next.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle; the tables cannot be copied parents first.");
            }

            ordered.AddRange(next);
        }

        return ordered;
    }

    /// <summary>Passes <paramref name="rows"/> on, saying every <see cref="ProgressEvery"/> rows how far the table has got.</summary>
    private static async IAsyncEnumerable<object?[]> Reported(IAsyncEnumerable<object?[]> rows, string table, Stopwatch clock, IProgress<string>? progress)
    {
        long count = 0;
        await foreach (var row in rows)
        {
            yield return row;
            if (++count % ProgressEvery == 0)
            {
                progress?.Report(Rate(table, "so far", count, clock.Elapsed));
            }
        }
    }

    private static string Rate(string table, string done, long rows, TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"{table}: {rows} rows {done} in {elapsed.TotalSeconds:0.0} s ({(elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0):0} rows/s)");
}
