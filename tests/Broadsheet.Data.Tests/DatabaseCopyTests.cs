using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Copy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>
/// <c>broadsheet db copy</c>'s engine, from a SQLite installation into the database <see cref="TempDataFolder"/> gives
/// (another SQLite file, or PostgreSQL under scripts/with-postgres): the rows arrive as the application wrote them
/// (times as the same instants, enums, paragraphs with their kinds, polygons, ids that go on), and a copy with one
/// value or one row wrong fails its checksums.
/// </summary>
public sealed class DatabaseCopyTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Revised = new(2026, 11, 2, 23, 15, 30, Beijing);

    [Fact]
    public async Task Every_row_arrives_as_the_application_wrote_it_and_new_rows_take_new_ids()
    {
        await using var source = await TempDataFolder.CreateAsync(sqlite: true);
        await FillAsync(source);
        await using var target = await TempDataFolder.CreateAsync();

        var tables = await DatabaseCopy.RunAsync(source.Folder, target.Folder);

        Assert.All(tables, t => Assert.True(t.Matches, t.Table));
        Assert.Equal(2, tables.Single(t => t.Table == "Articles").TargetRows);
        Assert.Equal(2, tables.Single(t => t.Table == "AuditLog").TargetRows);
        if (target.Folder.DatabaseIsServer)
        {
            // Analysed once copied (reltuples is -1 until a table is), so PostgreSQL plans the first queries with statistics.
            await using var catalog = target.NewContext();
            var unanalysed = await catalog.Database.SqlQueryRaw<string>(
                "SELECT relname AS \"Value\" FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples < 0").ToListAsync();
            Assert.Empty(unanalysed);
        }

        await using (var db = target.NewContext())
        {
            var article = await db.Articles.Include(a => a.Regions).Include(a => a.Images).SingleAsync(a => a.Headline == "头条");
            Assert.Equal([new Paragraph("小标题", ParagraphKind.Subhead), new Paragraph("【快讯】正文。", ParagraphKind.Body, 4), new Paragraph("图片说明", ParagraphKind.Caption)], article.Body);
            Assert.Equal(ArticleKind.PhotoNews, article.Kind);
            Assert.Equal(Polygon.Rectangle(0.125, 0.25, 0.5, 0.75), Assert.Single(article.Regions).Polygon);
            Assert.Equal("记者 王", Assert.Single(article.Images).Credit);
            var revision = await db.ArticleRevisions.SingleAsync();
            Assert.Equal(Revised, revision.At);
            Assert.Equal(PageTextSource.Ocr, (await db.Pages.SingleAsync(p => p.Label == "02")).TextSource);
        }

        // The copy goes on as an installation: the next edition and audit line get ids after the copied ones.
        var store = target.Services.GetRequiredService<IEditionStore>();
        await store.SaveEditionAsync(Edition(await PublicationAsync(target), new DateOnly(2026, 11, 3)), replace: false);
        await target.Services.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry(Revised, "chief", "publish", "binjiang", "2026-11-03"));
        await using (var db = target.NewContext())
        {
            Assert.Equal(4, await db.Articles.CountAsync());
            Assert.Equal(3, await db.AuditLog.CountAsync());
        }
    }

    [Theory]
    [InlineData("ArticleRegions", "UPDATE \"ArticleRegions\" SET \"Polygon\" = '0.125,0.25 0.5,0.25 0.5,0.7 0.125,0.75'")]
    [InlineData("Articles", "UPDATE \"Articles\" SET \"Paragraphs\" = '[{\"kind\":\"caption\",\"text\":\"小标题\"},\"【快讯】正文。\",{\"kind\":\"caption\",\"text\":\"图片说明\"}]' WHERE \"Headline\" = '头条'")]
    [InlineData("Articles", "UPDATE \"Articles\" SET \"Kind\" = 'Story' WHERE \"Headline\" = '头条'")]
    [InlineData("Pages", "UPDATE \"Pages\" SET \"Label\" = '03' WHERE \"Label\" = '02'")]
    [InlineData("ArticleImages", "DELETE FROM \"ArticleImages\"")]
    [InlineData("AuditLog", "UPDATE \"AuditLog\" SET \"User\" = 'editor' WHERE \"Id\" = (SELECT MAX(\"Id\") FROM \"AuditLog\")")]
    public async Task A_copy_with_one_value_or_one_row_wrong_differs_in_that_table_alone(string table, string damage)
    {
        await using var source = await TempDataFolder.CreateAsync(sqlite: true);
        await FillAsync(source);
        await using var target = await TempDataFolder.CreateAsync();
        Assert.All(await DatabaseCopy.RunAsync(source.Folder, target.Folder), t => Assert.True(t.Matches, t.Table));
        await using (var db = target.NewContext())
        {
            // Through the connection itself: EF's raw SQL would read the JSON's braces as placeholders.
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = damage;
            Assert.True(await command.ExecuteNonQueryAsync() > 0, damage);
        }

        var before = await DatabaseCopy.ChecksumsAsync(source.Folder);
        var after = await DatabaseCopy.ChecksumsAsync(target.Folder);

        Assert.Equal([table], before.Keys.Where(t => before[t] != after[t]));
    }

    private static async Task FillAsync(TempDataFolder data)
    {
        var publication = await data.Services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报") { FooterLines = ["京ICP备00000000号"] });
        var edition = Edition(publication, new DateOnly(2026, 11, 2));
        await data.Services.GetRequiredService<IEditionStore>().SaveEditionAsync(edition, replace: false);
        await using (var change = (await data.Services.GetRequiredService<IEditionEditor>().OpenAsync(edition.Id))!)
        {
            var article = change.Edition.Articles.Single(a => a.Headline == "头条");
            change.Record(new ArticleRevision(article, "xiaowang", Revised, "改标题", "旧", "头条"));
            change.Record(new AuditEntry(Revised, "xiaowang", "edit", "binjiang", "头条"));
            await change.SaveAsync(Revised);
        }

        await data.Services.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry(Revised.AddMinutes(1), "chief", "publish", "binjiang", "2026-11-02"));
    }

    private static Edition Edition(Publication publication, DateOnly day)
    {
        var edition = new Edition(publication, day);
        var first = edition.AddPage("01", "头版", new PageSize(842, 1191));
        var second = edition.AddPage("02", "要闻", new PageSize(842, 1191));
        second.TextSource = PageTextSource.Ocr;
        var article = edition.AddArticle(new ArticleContent
        {
            Headline = "头条",
            Kind = ArticleKind.PhotoNews,
            Paragraphs = [new Paragraph("小标题", ParagraphKind.Subhead), new Paragraph("【快讯】正文。", ParagraphKind.Body, 4), new Paragraph("图片说明", ParagraphKind.Caption)],
        });
        article.AddRegion(first, Polygon.Rectangle(0.125, 0.25, 0.5, 0.75));
        article.AddImage(first, Polygon.Rectangle(0.2, 0.3, 0.4, 0.5), "图片说明", "记者 王");
        edition.AddArticle(new ArticleContent { Headline = "二条", Paragraphs = ["第一段。"] }).AddRegion(second, Polygon.Rectangle(0.1, 0.1, 0.3, 0.3));
        edition.Publish(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), Beijing));
        return edition;
    }

    private static async Task<Publication> PublicationAsync(TempDataFolder data)
    {
        await using var db = data.NewContext();
        return await db.Publications.SingleAsync();
    }
}
