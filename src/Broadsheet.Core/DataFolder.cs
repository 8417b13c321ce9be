namespace Broadsheet.Core;

/// <summary>
/// The data folder that holds everything one Broadsheet installation stores: the database (unless it is elsewhere),
/// the blob store and the search index. Every command takes it as <c>--data</c>, and the database as <c>--db</c>.
/// </summary>
public sealed class DataFolder
{
    /// <param name="root">The folder.</param>
    /// <param name="database">
    /// <c>--db</c> / <c>Broadsheet:Database</c>: unset for the SQLite file <c>broadsheet.db</c> in the folder, a path for
    /// a SQLite file elsewhere, or a PostgreSQL connection string (<c>Host=db.example.org;Database=broadsheet;…</c>).
    /// </param>
    /// <param name="index">
    /// <c>Broadsheet:Index</c>: the search index's folder when it is not <c>index/</c> in the data folder. Several web
    /// nodes share one data folder (its blobs) and each keeps its own index on its own disk.
    /// </param>
    public DataFolder(string root, string? database = null, string? index = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Database = string.IsNullOrWhiteSpace(database) ? null : database.Trim();
        IndexPath = string.IsNullOrWhiteSpace(index) ? Path.Combine(Root, "index") : Path.GetFullPath(index);
    }

    public string Root { get; }

    /// <summary>The database as given, or null for the SQLite file in the folder.</summary>
    public string? Database { get; }

    /// <summary>Whether <see cref="Database"/> is a server's connection string (it has <c>key=value</c> pairs) rather than a file.</summary>
    public bool DatabaseIsServer => Database is not null && Database.Contains('=', StringComparison.Ordinal);

    /// <summary>The SQLite file; there is none when the database is a server.</summary>
    public string DatabasePath => DatabaseIsServer
        ? throw new InvalidOperationException("The database is a server, not a file in the data folder.")
        : Database is null ? Path.Combine(Root, "broadsheet.db") : Path.GetFullPath(Database);

    public string BlobsPath => Path.Combine(Root, "blobs");

    public string IndexPath { get; }

    /// <summary>Scratch space for imports in progress; safe to empty when no import runs.</summary>
    public string StagingPath => Path.Combine(Root, "staging");
}
