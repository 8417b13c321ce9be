using System.Collections.Concurrent;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// A data folder filled once per test run and copied into every fixture that asks for it by name, so the classes
/// sharing a fixture type each get a private copy (their changes stay theirs) without importing the same editions
/// again: four reader classes imported the same two editions four times, and five fixtures (three desk classes', the
/// offline test's, the second edition's) the same edition five.
/// </summary>
internal static class DataTemplate
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Made = new(StringComparer.Ordinal);

    /// <summary>
    /// Copies into <paramref name="dataPath"/> the generated four-page edition of 2026-11-02 (seed 11) imported as
    /// `broadsheet import` does it, of the paper binjiang (滨江日报) with nothing else set.
    /// </summary>
    public static Task CopyOneEditionAsync(string dataPath) => CopyAsync("one-edition", ImportOneEditionAsync, dataPath);

    private static async Task ImportOneEditionAsync(string work, string data)
    {
        var package = Path.Combine(work, "2026-11-02");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, PageCount = 4 }, package);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(data))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest(options => options.RasterWidth = 1400)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        await services.GetRequiredService<EditionImporter>().ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });
    }

    /// <summary>
    /// Copies the template <paramref name="name"/> into <paramref name="dataPath"/>, first making it with
    /// <paramref name="fill"/> (given a work folder of its own and the data folder to fill) if no fixture has yet.
    /// </summary>
    public static async Task CopyAsync(string name, Func<string, string, Task> fill, string dataPath)
    {
        var template = await Made.GetOrAdd(name, _ => new Lazy<Task<string>>(() => MakeAsync(name, fill))).Value;
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(dataPath, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private static async Task<string> MakeAsync(string name, Func<string, string, Task> fill)
    {
        var root = Path.Combine(Path.GetTempPath(), "broadsheet-browser-tests", $"template-{name}-{Guid.NewGuid():N}");
        // xunit v2 has no assembly fixture: the template goes when the test process does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        var data = Path.Combine(root, "data");
        await fill(root, data);
        // Closing the pooled connections checkpoints SQLite's WAL into the database file before anything copies it.
        SqliteConnection.ClearAllPools();
        return data;
    }
}
