using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Imaging;
using Broadsheet.Ingest.Tests.Fakes;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Samples;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Ingest.Tests.Import;

/// <summary>The importer with the real adapters: SQLite, the blob folder, mutool and libvips, as the CLI composes them.</summary>
// Imports through the real adapters (SQLite, mutool, libvips): the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class EndToEndImportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 5, 30, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_generated_edition_is_imported_published_and_can_be_replaced()
    {
        var data = new DataFolder(_temp.Folder("data"));
        var sample = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 2, PageCount = 4 }, _temp.Folder("2026-11-02"));
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddBroadsheetData(data)
            .AddBroadsheetImaging()
            .AddBroadsheetIngest()
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        var importer = services.GetRequiredService<EditionImporter>();

        var result = await importer.ImportAsync(new ImportRequest { SourcePath = sample.Directory, PublicationSlug = "binjiang" });

        Assert.Equal((new DateOnly(2026, 11, 2), 4, false), (result.Date, result.PageCount, result.Replaced));
        var contexts = services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var edition = await db.Editions.Include(e => e.Pages).SingleAsync();
            Assert.Equal(EditionStatus.Published, edition.Status);
            Assert.Equal(Now, edition.PublishedAt);
            Assert.Equal(sample.Pages.Select(p => p.Label), edition.Pages.OrderBy(p => p.Order).Select(p => p.Label));
            Assert.Equal(sample.Pages.Select(p => p.Name), edition.Pages.OrderBy(p => p.Order).Select(p => p.Name));
            var blobs = services.GetRequiredService<IBlobStore>();
            foreach (var page in edition.Pages)
            {
                Assert.Equal(2000, page.ImageWidth);
                Assert.True(await blobs.ExistsAsync(page.ImageKey!), page.ImageKey);
                Assert.True(await blobs.ExistsAsync(page.PdfKey!), page.PdfKey);

                // The articles' printed lines beside the images, for marking search hits on the page.
                await using var layer = await blobs.OpenReadAsync($"{page.DerivativesKey}/{PageTextLayer.FileName}");
                Assert.NotNull(layer);
                var lines = await PageTextLayer.ReadAsync(layer!);
                var lead = sample.Pages.Single(p => p.Label == page.Label).Articles[0].Headline.Replace("\u3000", "", StringComparison.Ordinal);
                Assert.Contains(lines, l => lead.StartsWith(l.Text.Replace("\u3000", "", StringComparison.Ordinal), StringComparison.Ordinal) && l.Text.Length >= 2);
                Assert.All(lines, l => Assert.True(l.Left >= 0 && l.Left < l.Right && l.Right <= 1 && l.Top >= 0 && l.Top < l.Bottom && l.Bottom <= 1, l.ToString()));
            }

            // Every article printed on these pages, by headline; a headline broken over two lines loses the
            // ideographic space between its phrases in print, so that space is left out of the comparison.
            static string Printed(string headline) => headline.Replace("\u3000", "", StringComparison.Ordinal);
            var expected = sample.Pages.SelectMany(p => p.Articles).DistinctBy(a => a.Id).Select(a => Printed(a.Headline)).Order(StringComparer.Ordinal);
            var saved = await db.Articles.Where(a => a.EditionId == edition.Id).Select(a => a.Headline).ToListAsync();
            Assert.Equal(expected, saved.Select(Printed).Order(StringComparer.Ordinal));
            Assert.Equal(result.ArticleCount, saved.Count);
            Assert.True(await db.ArticleRegions.CountAsync() >= saved.Count);
        }

        var keys = await ListAsync(services.GetRequiredService<IBlobStore>());
        var again = await importer.ImportAsync(new ImportRequest { SourcePath = sample.Directory, PublicationSlug = "binjiang", Replace = true });

        Assert.True(again.Replaced);
        Assert.Equal(keys, await ListAsync(services.GetRequiredService<IBlobStore>()));
        Assert.Empty(Directory.Exists(data.StagingPath) ? Directory.EnumerateFileSystemEntries(data.StagingPath) : []);
    }

    [Fact]
    public async Task Each_photo_gets_images_of_its_own_from_the_picture_the_pdf_embeds()
    {
        var data = new DataFolder(_temp.Folder("data"));
        var sample = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, PageCount = 4 }, _temp.Folder("2026-11-02"));
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddBroadsheetData(data)
            .AddBroadsheetImaging()
            .AddBroadsheetIngest()
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报"));

        await services.GetRequiredService<EditionImporter>().ImportAsync(new ImportRequest { SourcePath = sample.Directory, PublicationSlug = "binjiang" });

        var contexts = services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var photos = await db.ArticleImages.AsNoTracking().Include(i => i.Page).ToListAsync();
        Assert.NotEmpty(photos);
        var blobs = services.GetRequiredService<IBlobStore>();
        foreach (var photo in photos)
        {
            Assert.NotNull(photo.PhotoKey);
            Assert.StartsWith(photo.Page.DerivativesKey + "/photos/", photo.PhotoKey, StringComparison.Ordinal);
            foreach (var file in new[] { "large.jpg", "large.webp", "page.jpg", "page.webp", "thumb.jpg", "thumb.webp" })
            {
                Assert.True(await blobs.ExistsAsync($"{photo.PhotoKey}/{file}"), $"{photo.PhotoKey}/{file}");
            }

            // The generator embeds each photo as a JPEG larger than the page raster shows it: the photo's
            // largest image has exactly the embedded picture's pixels.
            var pdf = sample.Pages.Single(p => p.Label == photo.Page.Label).PdfPath;
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            var sizes = document.GetPage(1).GetImages().Select(i => (i.WidthInSamples, i.HeightInSamples)).ToList();
            Assert.Contains((photo.PhotoWidth, photo.PhotoHeight), sizes);
        }
    }

    private static async Task<List<string>> ListAsync(IBlobStore blobs)
    {
        var keys = new List<string>();
        await foreach (var key in blobs.ListAsync(""))
        {
            keys.Add(key);
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
