using System.Security.Cryptography;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>
/// The seeded site at a public URL, every host allowed (so a forged Host gets through to be ignored), plus an
/// English paper, <see cref="Slug"/>, whose pages were given images and IIIF tiles by the real libvips processor
/// and an article lines file, as an import leaves them; and a draft of it that must appear nowhere.
/// </summary>
public sealed class OpenDataAppFactory : ReaderAppFactory
{
    public const string PublicUrl = "https://epaper.example.org";
    public const string Slug = "tidewater";
    public static readonly DateOnly Day = new(2026, 7, 4);
    public static readonly DateOnly DraftDay = new(2026, 7, 5);
    public const string DraftHeadline = "Unpublished draft story";
    public const string TideHeadline = "Harbour tide gauge reads record high";
    public const string PhotoKey = "photos/ti/tide-gauge";
    public const string PhotoCaption = "The gauge at noon.";
    public const string Licence = "CC BY 4.0: https://creativecommons.org/licenses/by/4.0/";
    public const string TideParagraph = "The harbour gauge read a record high tide at noon on Friday.";

    /// <summary>Where the tide paragraph's printed line is, as the lines file has it (left, top, right, bottom).</summary>
    public static readonly (double Left, double Top, double Right, double Bottom) TideLine = (0.1, 0.3, 0.6, 0.33);

    public HttpClient ClientFor(string origin) => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(origin) });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:PublicUrl", PublicUrl);
        builder.UseSetting("AllowedHosts", "*");
    }

    protected override async Task AfterSeedAsync()
    {
        var store = Services.GetRequiredService<IEditionStore>();
        var blobs = Services.GetRequiredService<IBlobStore>();
        var images = Services.GetRequiredService<IPageImageProcessor>();
        var paper = await store.AddPublicationAsync(new Publication(Slug, "The Tidewater Gazette", language: "en", timeZoneId: "America/New_York") { Licence = Licence });

        var edition = new Edition(paper, Day) { IssueNumber = 77 };
        var front = edition.AddPage("01", "Front", new PageSize(842, 1191));
        var harbour = edition.AddPage("02", "Harbour", new PageSize(842, 1191));
        front.Section = "A";
        var tide = Polygon.Rectangle(0.05, 0.05, 0.95, 0.5);
        var ferry = Polygon.Rectangle(0.05, 0.55, 0.95, 0.95);
        await GiveImagesAsync(front, [tide, ferry], [new PageTextLine(TideParagraph, TideLine.Left, TideLine.Top, TideLine.Right, TideLine.Bottom)], images, blobs);
        await GiveImagesAsync(harbour, [tide], [], images, blobs);
        front.PdfKey = await PutAsync(blobs, "pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 tidewater front page"), ".pdf");

        var story = edition.AddArticle(new ArticleContent { Headline = TideHeadline, Byline = "By Ruth Marsh", Paragraphs = [TideParagraph, "See the table on page 2."] });
        story.AddRegion(front, tide);
        story.AddRegion(harbour, tide);
        // A photo with an image of its own, as an import cuts one (any JPEG will do: the page's own).
        await using (var jpeg = await blobs.OpenReadAsync(front.DerivativesKey + "/page.jpg"))
        {
            await blobs.PutAsync(PhotoKey + "/large.jpg", jpeg!);
        }

        story.AddImage(front, Polygon.Rectangle(0.6, 0.1, 0.9, 0.3), PhotoCaption, "Photo: Ruth Marsh").SetPhoto(PhotoKey, 400, 300);
        edition.AddArticle(new ArticleContent { Headline = "Ferry timetable changes", Paragraphs = ["The evening ferry leaves ten minutes later from Monday."] })
            .AddRegion(front, ferry);
        edition.Publish(new DateTimeOffset(2026, 7, 4, 4, 0, 0, TimeSpan.Zero));
        await store.SaveEditionAsync(edition, replace: false);

        var draft = new Edition(paper, DraftDay);
        draft.AddArticle(new ArticleContent { Headline = DraftHeadline, Paragraphs = ["Not yet."] })
            .AddRegion(draft.AddPage("01", "Front", new PageSize(842, 1191)), tide);
        await store.SaveEditionAsync(draft, replace: false);
        await Services.GetRequiredService<Broadsheet.Search.SearchSync>().CatchUpAsync();
    }

    /// <summary>Draws the page, makes its images and tiles as an import does, and stores them under a derivatives key.</summary>
    private static async Task GiveImagesAsync(Page page, IReadOnlyList<Polygon> regions, IReadOnlyList<PageTextLine> lines, IPageImageProcessor images, IBlobStore blobs)
    {
        const int Width = 1100;
        var png = TestEdition.DrawPage(Width, (int)Math.Round(Width * 1191.0 / 842), regions);
        var work = Directory.CreateTempSubdirectory("broadsheet-opendata-");
        try
        {
            var raster = Path.Combine(work.FullName, "raster.png");
            await File.WriteAllBytesAsync(raster, png);
            var made = await images.CreatePageImagesAsync(raster, Path.Combine(work.FullName, "out"));
            using (var file = File.Create(Path.Combine(made.Directory, PageTextLayer.FileName)))
            {
                PageTextLayer.Write(file, lines);
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(png));
            var prefix = $"pages/{hash[..2]}/{hash}-{Width}";
            foreach (var path in Directory.EnumerateFiles(made.Directory, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(made.Directory, path).Replace('\\', '/');
                await using var content = File.OpenRead(path);
                await blobs.PutAsync($"{prefix}/{relative}", content);
            }

            page.DerivativesKey = prefix;
            page.ImageKey = $"{prefix}/{made.Largest.FileName}";
            page.ImageWidth = made.Largest.Width;
            page.ImageHeight = made.Largest.Height;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> PutAsync(IBlobStore blobs, string folder, byte[] bytes, string extension)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = $"{folder}/{hash[..2]}/{hash}{extension}";
        await blobs.PutAsync(key, new MemoryStream(bytes));
        return key;
    }
}
