using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>
/// A second edition of the test paper's day (<see cref="TestEdition.Day"/>, number 2: an extra, 号外) with three pages of
/// its own, as the desk or an import with <c>"edition": 2</c> leaves it.
/// </summary>
internal static class SecondEdition
{
    public const string Headline = "号外：滨江大桥今日通车";
    public const string FeatureHeadline = "专题：大桥建设十年";
    public const string Url = "/binjiang/2026-11-02_2/01";

    /// <param name="frontPdfKey">The front page's PDF (the day's first edition's, as an extra reprints it), for edition.pdf.</param>
    public static async Task SaveAsync(IServiceProvider services, string frontPdfKey, string headline = Headline, bool replace = false)
    {
        var store = services.GetRequiredService<IEditionStore>();
        var publication = (await store.FindPublicationAsync(TestEdition.Slug))!;
        var edition = new Edition(publication, TestEdition.Day, number: 2);
        var front = edition.AddPage("01", "号外", new PageSize(842, 1191));
        var feature = edition.AddPage("02", "专题", new PageSize(842, 1191));
        // Read by OCR (a scan), so its article carries the reader's OCR note.
        var photos = edition.AddPage("03", "图片", new PageSize(842, 1191));
        photos.TextSource = PageTextSource.Ocr;
        edition.AddArticle(new ArticleContent { Headline = headline, Paragraphs = ["大桥上午九时通车。"] })
            .AddRegion(front, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        edition.AddArticle(new ArticleContent { Headline = FeatureHeadline, Paragraphs = ["十年建设，一朝通车。"] })
            .AddRegion(feature, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        edition.AddArticle(new ArticleContent { Headline = "通车现场", Kind = ArticleKind.PhotoNews, Paragraphs = ["市民走上大桥。"] })
            .AddRegion(photos, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        front.PdfKey = frontPdfKey;
        edition.Publish(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));
        await store.SaveEditionAsync(edition, replace);
    }
}

/// <summary>The seeded site with <see cref="SecondEdition"/> published beside the day's first edition, both indexed for search.</summary>
public sealed class SecondEditionAppFactory : ReaderAppFactory
{
    protected override async Task AfterSeedAsync()
    {
        await SecondEdition.SaveAsync(Services, Seeded.PdfKey);
        // As the sync service would within seconds.
        await Services.GetRequiredService<Broadsheet.Search.SearchSync>().CatchUpAsync();
    }
}

/// <summary>The desk's factory (<see cref="ReviewDeskFactory"/>) with <see cref="SecondEdition"/> published beside the day's first edition.</summary>
public sealed class SecondEditionDeskFactory : ReviewDeskFactory
{
    protected override async Task AfterSeedAsync()
    {
        await base.AfterSeedAsync();
        await SecondEdition.SaveAsync(Services, Seeded.PdfKey);
    }
}
