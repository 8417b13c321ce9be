using System.CommandLine;
using Broadsheet.Core;
using Broadsheet.Data.Copy;

namespace Broadsheet.Cli.Commands;

/// <summary><c>broadsheet db copy</c>: moves an installation's database to PostgreSQL; the blobs stay where they are.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The data folder whose database (broadsheet.db) is copied.", Required = true, HelpName = "dir" };
        var to = new Option<string>("--to")
        {
            Description = "The PostgreSQL database to fill, empty (\"Host=db;Database=broadsheet;Username=broadsheet\"); its tables are made if missing.",
            Required = true,
            HelpName = "connection-string",
        };
        var copy = new Command("copy", "Copy every row of a SQLite installation into an empty PostgreSQL database, then check each table's count and checksum on both sides.") { from, to };
        copy.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var source = new DataFolder(result.GetRequiredValue(from));
            var target = new DataFolder(source.Root, result.GetRequiredValue(to));
            if (!target.DatabaseIsServer)
            {
                throw new Core.Model.DomainException("--to is a PostgreSQL connection string (\"Host=db;Database=broadsheet;Username=broadsheet\"), not a file.");
            }

            var tables = await DatabaseCopy.RunAsync(source, target, new Progress<string>(Console.WriteLine), cancellationToken);
            foreach (var table in tables)
            {
                Console.WriteLine($"{(table.Matches ? "same" : "DIFFERENT")}  {table.Table}: {table.SourceRows} → {table.TargetRows} rows, sha256 {table.SourceChecksum[..16]} → {table.TargetChecksum[..16]}");
            }

            var different = tables.Where(t => !t.Matches).Select(t => t.Table).ToList();
            if (different.Count > 0)
            {
                await Console.Error.WriteLineAsync($"broadsheet: the copy differs from {source.DatabasePath} in {string.Join(", ", different)}; do not switch to it.");
                return 1;
            }

            Console.WriteLine($"Copied {tables.Sum(t => t.TargetRows)} rows in {tables.Count} tables; every count and checksum matches. "
                + $"Serve with --data {source.Root} --db \"<the connection string>\": the blobs stay in {source.BlobsPath}.");
            return 0;
        }));
        return new Command("db", "The database as a whole: move it between providers.") { copy };
    }
}
