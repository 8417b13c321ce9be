using System.Globalization;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Broadsheet.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The reader bench's archive and server:
//   ReaderArchive seed <data-folder> [days]   one imported 8-page sample edition, copied to one edition a day
//                                             for the year before it (365 by default; blobs shared)
//   ReaderArchive serve <data-folder> <url>   the web application, as `broadsheet serve` hosts it
if (args is ["seed", var data, ..])
{
    var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 365;
    await ArchiveSeeder.SeedAsync(data, days);
    return 0;
}

if (args is ["serve", var folder, var url])
{
    var app = Broadsheet.Web.BroadsheetWebHost.Create(["--Broadsheet:Data=" + folder, "--urls=" + url]);
    await app.RunAsync();
    return 0;
}

await Console.Error.WriteLineAsync("usage: ReaderArchive seed <data-folder> [days] | serve <data-folder> <url>");
return 2;

/// <summary>Builds a year of editions quickly: one real import, then copies of its rows under other dates.</summary>
internal static class ArchiveSeeder
{
    private const string Slug = "binjiang";
    private static readonly DateOnly Last = new(2026, 11, 2);

    public static async Task SeedAsync(string data, int days)
    {
        var package = Path.Combine(data, "..", "package", Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 7, PageCount = 8, Date = Last, IssueNumber = 9000 }, package);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(data))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest()
            .AddBroadsheetSearch(new DataFolder(data).IndexPath)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var store = services.GetRequiredService<IEditionStore>();
        var publication = await store.AddPublicationAsync(new Publication(Slug, "滨江日报")
        {
            FooterLines = ["新出网证（黔）字001号", "黔ICP备00000000号", "版权所有 滨江日报社"],
        });
        await services.GetRequiredService<EditionImporter>().ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = Slug });

        var contexts = services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        Edition original;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            original = await db.Editions.AsNoTracking()
                .Include(e => e.Pages)
                .Include(e => e.Articles).ThenInclude(a => a.Regions)
                .Include(e => e.Articles).ThenInclude(a => a.Images)
                .AsSplitQuery()
                .SingleAsync();
        }

        for (var i = 1; i < days; i++)
        {
            var copy = Copy(original, publication, Last.AddDays(-i), 9000 - i);
            await store.SaveEditionAsync(copy, replace: false);
        }

        // The server would otherwise index the year's editions while the bench measures it.
        await services.GetRequiredService<SearchSync>().RebuildAsync();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{days} editions of {original.Pages.Count} pages in {data}"));
    }

    private static Edition Copy(Edition original, Publication publication, DateOnly date, int issue)
    {
        var edition = new Edition(publication, date) { IssueNumber = issue };
        var pages = new Dictionary<int, Page>();
        foreach (var source in original.Pages.OrderBy(p => p.Order))
        {
            var page = edition.AddPage(source.Label, source.Name, source.Size);
            page.Section = source.Section;
            page.ImageKey = source.ImageKey;
            page.ImageWidth = source.ImageWidth;
            page.ImageHeight = source.ImageHeight;
            page.DerivativesKey = source.DerivativesKey;
            page.PdfKey = source.PdfKey;
            pages[source.Id] = page;
        }

        foreach (var source in original.Articles.OrderBy(a => a.Order))
        {
            var article = edition.AddArticle(new ArticleContent
            {
                Kicker = source.Kicker,
                Headline = source.Headline,
                Subheadline = source.Subheadline,
                Byline = source.Byline,
                Paragraphs = [.. source.Body],
                Kind = source.Kind,
            });
            foreach (var region in source.Regions)
            {
                article.AddRegion(pages[region.PageId], region.Polygon);
            }

            foreach (var image in source.Images)
            {
                article.AddImage(pages[image.PageId], image.Polygon, image.Caption, image.Credit);
            }
        }

        edition.MarkCreated(original.CreatedAt);
        edition.Publish(original.PublishedAt ?? DateTimeOffset.UnixEpoch);
        return edition;
    }
}
