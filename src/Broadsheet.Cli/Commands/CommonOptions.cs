using System.CommandLine;
using Broadsheet.Core;

namespace Broadsheet.Cli.Commands;

/// <summary>Options every verb shares.</summary>
internal static class CommonOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Option<string> Data() => new("--data")
    {
        Description = "The data folder: database, page images, PDFs and search index.",
        DefaultValueFactory = _ => "./data",
        HelpName = "dir",
    };

    public static Option<string> Urls() => new("--urls")
    {
        Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';').",
        DefaultValueFactory = _ => DefaultUrl,
        HelpName = "url",
    };

    /// <summary>Every verb's database, added once to the root command for all of them.</summary>
    public static Option<string?> Database { get; } = new("--db")
    {
        Description = "The database: a SQLite file (default: broadsheet.db in the data folder) or a PostgreSQL connection string "
            + "(\"Host=db;Database=broadsheet;Username=broadsheet\"). Default: the Broadsheet__Database environment variable.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Broadsheet__Database"),
        HelpName = "file-or-connection-string",
        Recursive = true,
    };

    public static DataFolder Folder(ParseResult result, Option<string> data) =>
        new(result.GetRequiredValue(data), result.GetValue(Database));
}
