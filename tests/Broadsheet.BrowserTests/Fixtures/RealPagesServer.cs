using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// The application with three real pages of the shared corpus imported and published as their papers would send them
/// (a Chinese legal daily, an American front page, an Indian editorial page), and a desk editor of those papers.
/// Nothing is imported where the corpus is absent; the tests then skip, saying why.
/// </summary>
public sealed class RealPagesServer : BrowserServer
{
    public const string Editor = "detection-desk";
    public const string Password = "detection desk password";

    public static readonly IReadOnlyList<RealPage> Pages =
    [
        new("gansu-fazhi-2024-08-09-p08", "gansu", "甘肃法治报", "zh-CN", "2024-08-09", "08"),
        new("nyt-2020-11-12-a01", "nyt", "The New York Times", "en", "2020-11-12", "A01"),
        new("hindu-editorial-15", "hindu", "The Hindu", "en", "2024-10-15", "15"),
    ];

    /// <summary>The corpus's folder of real pages, or null on a machine without it.</summary>
    public static string? Folder => Corpus.CorpusServer.Folder;

    /// <summary>Imports the pages through services of their own, as `broadsheet import` does beside a running server.</summary>
    protected override async Task BeforeStartAsync()
    {
        if (Folder is null)
        {
            return;
        }

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(DataPath))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest(options => options.RasterWidth = 1600)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var store = services.GetRequiredService<IEditionStore>();
        var importer = services.GetRequiredService<EditionImporter>();
        foreach (var page in Pages)
        {
            await store.AddPublicationAsync(new Publication(page.Slug, page.Paper, page.Language));
            var folder = Path.Combine(Root, "uploads", page.Slug);
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(Folder, page.File + ".pdf"), Path.Combine(folder, page.Label + ".pdf"));
            await importer.ImportAsync(new ImportRequest { SourcePath = folder, PublicationSlug = page.Slug, Date = DateOnly.Parse(page.Date, System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    protected override async Task AfterStartAsync(IServiceProvider services)
    {
        if (Folder is null)
        {
            return;
        }

        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(Editor, Password, DeskRoles.Editor, [.. Pages.Select(p => p.Slug)]);
    }
}

/// <summary>A corpus page as its paper would publish it.</summary>
public sealed record RealPage(string File, string Slug, string Paper, string Language, string Date, string Label);
