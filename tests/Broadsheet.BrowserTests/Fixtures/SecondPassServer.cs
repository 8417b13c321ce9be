using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// One server for the reader's second-pass tests (issue 15), shared by their classes so the editions are imported
/// once: two generated four-page editions as `broadsheet import` makes them (photos with images of their own,
/// tiles, printed lines), the paper's website set, one article corrected after publication, and a desk editor.
/// </summary>
public sealed class SecondPassServer : BrowserServer
{
    public const string Editor = "xiaowang";
    public const string Password = "correct horse battery";
    public const string Website = "https://www.binjiang.example/";
    public const string CorrectionNote = "<p>本文第一段的数字有误，已更正。</p>";
    public const string CorrectedText = "（更正后）本段文字已由编辑部核对。";

    /// <summary>The corrected article: page 02's first article of 2026-11-02.</summary>
    public const string CorrectedUrl = "/binjiang/2026-11-02/02/1";

    protected override async Task BeforeStartAsync()
    {
        var package = Path.Combine(Root, "2026-11-02");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, PageCount = 4 }, package);
        var earlier = Path.Combine(Root, "2026-11-01");
        SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 12, PageCount = 4, Date = new DateOnly(2026, 11, 1) }, earlier);

        var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(DataPath))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest(options => options.RasterWidth = 1400);
        services.AddDeskAccounts();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var publication = new Publication("binjiang", "滨江日报") { FooterLines = ["新出网证（黔）字001号", "黔ICP备00000000号", "版权所有 滨江日报社"] };
        publication.ChangeWebsite(Website);
        await provider.GetRequiredService<IEditionStore>().AddPublicationAsync(publication);
        var importer = provider.GetRequiredService<EditionImporter>();
        await importer.ImportAsync(new ImportRequest { SourcePath = earlier, PublicationSlug = "binjiang" });
        await importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });
        await CorrectAsync(provider);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(Editor, Password, DeskRoles.Editor, ["binjiang"]);
    }

    /// <summary>Corrects page 02's first article as the desk does: its first paragraph changed, a public note, the revision.</summary>
    private static async Task CorrectAsync(IServiceProvider services)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var edition = await db.Editions.Include(e => e.Pages).Include(e => e.Articles).ThenInclude(a => a.Regions).Include(e => e.Articles).ThenInclude(a => a.Images)
            .SingleAsync(e => e.Date == new DateOnly(2026, 11, 2));
        var page = edition.FindPage("02")!;
        var article = ArticleHomes.On(edition, page).First();
        var before = ArticleSnapshot.Of(article);
        var at = edition.PublishedAt!.Value.AddHours(3);
        article.Apply(new ArticleContent
        {
            Kicker = article.Kicker,
            Headline = article.Headline,
            Subheadline = article.Subheadline,
            Byline = article.Byline,
            Kind = article.Kind,
            Paragraphs = [CorrectedText, .. article.Paragraphs.Skip(1)],
        });
        article.SetCorrectionNote(CorrectionNote, at);
        db.ArticleRevisions.Add(new ArticleRevision(article, Editor, at, "edited the fields", before, ArticleSnapshot.Of(article)));
        edition.MarkChanged(at);
        await db.SaveChangesAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SecondPassCollection : ICollectionFixture<SecondPassServer>
{
    public const string Name = "reader second pass";
}
