using System.CommandLine;
using System.Globalization;
using Broadsheet.Data.Backup;

namespace Broadsheet.Cli.Commands;

/// <summary>
/// <c>broadsheet backup &lt;dir&gt;</c> and <c>broadsheet restore &lt;dir&gt;</c>: an installation's database and blobs to a
/// folder with a manifest of SHA-256 hashes, and back (docs/operations.md, "Backup and restore").
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var directory = new Argument<string>("dir") { Description = "A new or empty folder to write the backup into." };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };
        var command = new Command("backup", "Back up the database (SQLite's online backup, or pg_dump) and the blobs, with a manifest of their SHA-256 hashes; the server may keep running.")
        {
            directory, quiet, data,
        };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var isQuiet = result.GetValue(quiet);
            var folder = CommonOptions.Folder(result, data);
            var target = result.GetRequiredValue(directory);
            var summary = await InstallationBackup.BackupAsync(folder, target, TimeProvider.System, isQuiet ? null : new Progress<string>(Console.WriteLine), cancellationToken);
            if (!isQuiet)
            {
                Console.WriteLine(Describe("Backed up", summary) + $" into {Path.GetFullPath(target)}.");
            }

            return 0;
        }));
        return command;
    }

    public static Command CreateRestore()
    {
        var data = CommonOptions.Data();
        var directory = new Argument<string>("dir") { Description = "The folder broadsheet backup wrote." };
        var force = new Option<bool>("--force") { Description = "Replace the installation in --data (and --db) when it already holds editions, accounts or blobs." };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };
        var command = new Command("restore", "Restore a backup into an empty installation (or replace one with --force) after checking every file against the manifest; stop the server first.")
        {
            directory, force, quiet, data,
        };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var isQuiet = result.GetValue(quiet);
            var folder = CommonOptions.Folder(result, data);
            var summary = await InstallationBackup.RestoreAsync(result.GetRequiredValue(directory), folder, result.GetValue(force), isQuiet ? null : new Progress<string>(Console.WriteLine), cancellationToken);
            if (!isQuiet)
            {
                Console.WriteLine(Describe("Restored", summary) + $" into {folder.Root}; the server builds the search index when it starts (or run broadsheet reindex).");
            }

            return 0;
        }));
        return command;
    }

    private static string Describe(string verb, BackupSummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"{verb} the {summary.Database} database ({summary.Rows.Where(r => r.Key != "__EFMigrationsHistory").Sum(r => r.Value)} rows in {summary.Rows.Count} tables) "
        + $"and {summary.Blobs} blobs ({summary.BlobBytes / 1048576.0:0.0} MB)");
}
