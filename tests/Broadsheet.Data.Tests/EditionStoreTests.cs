using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

public sealed class EditionStoreTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    [Fact]
    public async Task Database_is_a_real_file_in_wal_mode_or_its_own_postgres_database()
    {
        await using var data = await TempDataFolder.CreateAsync();
        await using var db = data.NewContext();
        await db.Database.OpenConnectionAsync();
        if (data.IsPostgres)
        {
            var name = await db.Database.SqlQueryRaw<string>("SELECT current_database() AS \"Value\"").SingleAsync();
            Assert.Equal(new Npgsql.NpgsqlConnectionStringBuilder(data.Folder.Database).Database, name);
            Assert.False(File.Exists(Path.Combine(data.Folder.Root, "broadsheet.db")));
            return;
        }

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.True(File.Exists(data.Folder.DatabasePath));
        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task Saved_edition_reads_back_with_pages_articles_and_regions()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var publication = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报") { FooterLines = ["京ICP备00000000号"] });

        await store.SaveEditionAsync(MakeEdition(publication, "一号头条"), replace: false);

        await using var db = data.NewContext();
        var edition = await db.Editions
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions).ThenInclude(r => r.Page)
            .SingleAsync();
        Assert.Equal(Day, edition.Date);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Equal(["01", "02"], edition.Pages.OrderBy(p => p.Order).Select(p => p.Label));
        var article = Assert.Single(edition.Articles);
        Assert.Equal("一号头条", article.Headline);
        Assert.Equal(["第一段。", "第二段。"], article.Paragraphs);
        Assert.Equal(["01", "02"], article.Regions.Select(r => r.Page.Label).Order(StringComparer.Ordinal));
        Assert.Equal(Polygon.Rectangle(0.1, 0.2, 0.5, 0.6), article.Regions.First(r => r.Page.Label == "01").Polygon);
        Assert.Equal(["京ICP备00000000号"], (await db.Publications.SingleAsync()).FooterLines);
    }

    [Fact]
    public async Task Second_edition_on_the_same_date_is_refused_and_changes_nothing()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var publication = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        await store.SaveEditionAsync(MakeEdition(publication, "原来的头条"), replace: false);

        var error = await Assert.ThrowsAsync<DomainException>(() => store.SaveEditionAsync(MakeEdition(publication, "新头条"), replace: false));

        // The facts each audience words for itself: the command line names --replace, the desk its checkbox.
        Assert.Equal(new EditionExists("binjiang", new DateOnly(2026, 11, 2), 1), error.Problem);
        Assert.Equal("edition-exists", error.Problem!.Code);
        Assert.Contains("2026-11-02", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--replace", error.Message, StringComparison.Ordinal);
        await using var db = data.NewContext();
        Assert.Equal("原来的头条", (await db.Articles.SingleAsync()).Headline);
        Assert.Equal(2, await db.Pages.CountAsync());
    }

    [Fact]
    public async Task Replace_swaps_the_edition_and_reports_blobs_no_longer_used()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var publication = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        await store.SaveEditionAsync(MakeEdition(publication, "原来的头条", imageKey: "pages/old.png"), replace: false);

        var orphaned = await store.SaveEditionAsync(MakeEdition(publication, "新头条", imageKey: "pages/new.png"), replace: true);

        Assert.Equal(["pages/old.png"], orphaned);
        await using var db = data.NewContext();
        Assert.Equal("新头条", (await db.Articles.SingleAsync()).Headline);
        Assert.Equal(1, await db.Editions.CountAsync());
        Assert.Equal(2, await db.ArticleRegions.CountAsync());
    }

    [Fact]
    public async Task Replace_keeps_blobs_that_another_edition_still_uses()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var publication = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        await store.SaveEditionAsync(MakeEdition(publication, "昨天", imageKey: "pages/shared.png", day: Day.AddDays(-1)), replace: false);
        await store.SaveEditionAsync(MakeEdition(publication, "今天", imageKey: "pages/shared.png"), replace: false);

        var orphaned = await store.SaveEditionAsync(MakeEdition(publication, "今天新版", imageKey: "pages/new.png"), replace: true);

        Assert.Empty(orphaned);
    }

    [Fact]
    public async Task Every_save_and_replace_is_recorded_for_search_in_the_same_transaction()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var feed = data.Services.GetRequiredService<ISearchFeed>();
        var publication = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));

        await store.SaveEditionAsync(MakeEdition(publication, "一号头条"), replace: false);
        await store.SaveEditionAsync(MakeEdition(publication, "更正的头条"), replace: true);
        await Assert.ThrowsAsync<DomainException>(() => store.SaveEditionAsync(MakeEdition(publication, "重复"), replace: false));

        var pending = await feed.PendingAsync(10);
        Assert.Equal([new EditionRef("binjiang", Day, 1), new EditionRef("binjiang", Day, 1)], pending.Select(c => c.Edition));
        Assert.Equal(pending[1].Id, await feed.LatestChangeIdAsync());
        var edition = await feed.FindPublishedAsync(new EditionRef("binjiang", Day, 1));
        Assert.Equal("更正的头条", Assert.Single(edition!.Articles).Headline);
        Assert.Equal("binjiang", edition.Publication.Slug);
        Assert.Equal(2, Assert.Single(edition.Articles).Regions.Count);
        Assert.Equal(1, await feed.CountPublishedArticlesAsync());

        await feed.MarkDoneAsync([pending[0].Id]);
        Assert.Equal([pending[1].Id], (await feed.PendingAsync(10)).Select(c => c.Id));
        await feed.MarkDoneThroughAsync(pending[1].Id);
        Assert.Empty(await feed.PendingAsync(10));
    }

    [Fact]
    public async Task The_search_feed_never_shows_an_unpublished_edition()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var feed = data.Services.GetRequiredService<ISearchFeed>();
        var publication = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        var draft = new Edition(publication, Day);
        draft.AddArticle(new ArticleContent { Headline = "草稿", Paragraphs = ["还没发布。"] });

        await store.SaveEditionAsync(draft, replace: false);

        Assert.Single(await feed.PendingAsync(10));
        Assert.Null(await feed.FindPublishedAsync(new EditionRef("binjiang", Day, 1)));
        Assert.Empty(await feed.AllPublishedAsync().ToListAsync());
    }

    private static Edition MakeEdition(Publication publication, string headline, string imageKey = "pages/a.png", DateOnly? day = null)
    {
        var edition = new Edition(publication, day ?? Day);
        var first = edition.AddPage("01", "头版", new PageSize(842, 1191));
        first.ImageKey = imageKey;
        first.PdfKey = "pdf/a.pdf";
        var second = edition.AddPage("02", "要闻", new PageSize(842, 1191));
        var article = edition.AddArticle(new ArticleContent { Headline = headline, Paragraphs = ["第一段。", "第二段。"] });
        article.AddRegion(first, Polygon.Rectangle(0.1, 0.2, 0.5, 0.6));
        article.AddRegion(second, Polygon.Rectangle(0.1, 0.1, 0.3, 0.3));
        edition.Publish(new DateTimeOffset(2026, 11, 1, 22, 0, 0, TimeSpan.Zero));
        return edition;
    }
}
