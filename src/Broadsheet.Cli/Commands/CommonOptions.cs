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

    public static DataFolder Folder(ParseResult result, Option<string> data) => new(result.GetRequiredValue(data));
}
