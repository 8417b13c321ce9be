using System.Reflection;
using Broadsheet.Core;
using Broadsheet.Core.Model;
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
/// table by table with parents before children, keeping every id, then each table counted and checksummed on both
/// sides. Rows go through the EF model, so each provider's conversions (times, enums, polygons, paragraphs) apply as
/// they do when the application writes. Blobs stay where they are: both databases name them by the same keys.
/// </summary>
public static class DatabaseCopy
{
    private const int Batch = 500;

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

        List<IEntityType> tables;
        await using (var db = await targets.CreateDbContextAsync(cancellationToken))
        {
            tables = InOrder(db.Model);
            foreach (var table in tables)
            {
                var rows = await Call<long>(nameof(CountAsync), table, db, cancellationToken);
                if (rows > 0)
                {
                    throw new DomainException($"--to already holds {rows} rows in {table.GetTableName()}; db copy fills an empty database only, and changed nothing.");
                }
            }
        }

        foreach (var table in tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copied = await Call<long>(nameof(CopyTableAsync), table, (sources, targets), cancellationToken);
            progress?.Report($"{table.GetTableName()}: {copied} rows copied");
        }

        await using (var db = await targets.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql())
            {
                await ContinueIdentitiesAsync(db, tables, cancellationToken);
            }
        }

        var result = new List<CopiedTable>();
        foreach (var table in tables)
        {
            var (sourceRows, sourceSum) = await Call<(long, string)>(nameof(ChecksumAsync), table, sources, cancellationToken);
            var (targetRows, targetSum) = await Call<(long, string)>(nameof(ChecksumAsync), table, targets, cancellationToken);
            result.Add(new CopiedTable(table.GetTableName()!, sourceRows, targetRows, sourceSum, targetSum));
        }

        return result;
    }

    /// <summary>Each table's rows and checksum, as <see cref="RunAsync"/> compares them: to check a copy, or a round trip, afterwards.</summary>
    public static async Task<IReadOnlyDictionary<string, (long Rows, string Checksum)>> ChecksumsAsync(DataFolder folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        await using var services = new ServiceCollection().AddBroadsheetData(folder).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in InOrder(db.Model))
        {
            result[table.GetTableName()!] = await Call<(long, string)>(nameof(ChecksumAsync), table, contexts, cancellationToken);
        }

        return result;
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

    private static async Task<long> CountAsync<T>(BroadsheetDbContext db, CancellationToken cancellationToken)
        where T : class => await db.Set<T>().LongCountAsync(cancellationToken);

    private static async Task<long> CopyTableAsync<T>((IDbContextFactory<BroadsheetDbContext> Sources, IDbContextFactory<BroadsheetDbContext> Targets) both, CancellationToken cancellationToken)
        where T : class
    {
        long copied = 0;
        await using var source = await both.Sources.CreateDbContextAsync(cancellationToken);
        await using var target = await both.Targets.CreateDbContextAsync(cancellationToken);
        // Rows are added one entity at a time, never as graphs: each table's rows come in with their own ids and keys.
        target.ChangeTracker.AutoDetectChangesEnabled = false;
        while (true)
        {
            // Tracked, because foreign keys the classes do not show live only in the change tracker.
            var rows = await Ordered(source.Set<T>(), source.Model.FindEntityType(typeof(T))!).Skip((int)copied).Take(Batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return copied;
            }

            foreach (var row in rows)
            {
                var from = source.Entry(row);
                var to = target.Entry(row);
                to.State = EntityState.Added;
                foreach (var property in from.Properties)
                {
                    to.Property(property.Metadata.Name).CurrentValue = property.CurrentValue;
                }
            }

            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
            source.ChangeTracker.Clear();
            copied += rows.Count;
        }
    }

    private static async Task<(long Rows, string Checksum)> ChecksumAsync<T>(IDbContextFactory<BroadsheetDbContext> contexts, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sum = new TableChecksum();
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var done = 0;
        while (true)
        {
            var rows = await Ordered(db.Set<T>(), entityType).Skip(done).Take(Batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return (done, sum.Finish());
            }

            foreach (var row in rows)
            {
                sum.Add(db.Entry(row).Properties.Select(p => (p.Metadata, p.CurrentValue)));
            }

            db.ChangeTracker.Clear();
            done += rows.Count;
        }
    }

    private static IQueryable<T> Ordered<T>(IQueryable<T> rows, IEntityType entityType)
        where T : class
    {
        var key = entityType.FindPrimaryKey()!.Properties;
        var ordered = rows.OrderBy(e => EF.Property<object>(e, key[0].Name));
        foreach (var part in key.Skip(1))
        {
            ordered = ordered.ThenBy(e => EF.Property<object>(e, part.Name));
        }

        return ordered;
    }

    /// <summary>PostgreSQL's identity columns hand out the next id after the highest copied, not 1.</summary>
    private static async Task ContinueIdentitiesAsync(BroadsheetDbContext db, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            var key = table.FindPrimaryKey()!.Properties;
            if (key.Count != 1 || key[0].ValueGenerated != ValueGenerated.OnAdd || (key[0].ClrType != typeof(int) && key[0].ClrType != typeof(long)))
            {
                continue;
            }

            var name = table.GetTableName()!.Replace("\"", "\"\"", StringComparison.Ordinal);
            var column = key[0].GetColumnName().Replace("\"", "\"\"", StringComparison.Ordinal);
#pragma warning disable EF1002 // Names come from the model, not from input.
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), (SELECT COALESCE(MAX(\"{column}\"), 0) + 1 FROM \"{name}\"), false)",
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    private static async Task<TResult> Call<TResult>(string method, IEntityType table, object argument, CancellationToken cancellationToken)
    {
        var generic = typeof(DatabaseCopy).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(table.ClrType);
        return await (Task<TResult>)generic.Invoke(null, [argument, cancellationToken])!;
    }
}
