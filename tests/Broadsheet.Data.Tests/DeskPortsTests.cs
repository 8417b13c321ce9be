using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>The desk's writes through Core's ports: each user action and its records are one transaction, or nothing.</summary>
public sealed class DeskPortsTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);
    private static readonly DateTimeOffset At = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_merge_saves_the_kept_article_its_revision_audit_and_outbox_row_and_deletes_the_other()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var editionId = await SeedAsync(data);
        var feed = data.Services.GetRequiredService<ISearchFeed>();
        var before = (await feed.PendingAsync(100)).Count;

        await using (var change = (await data.Services.GetRequiredService<IEditionEditor>().OpenAsync(editionId))!)
        {
            var kept = change.Edition.Articles.Single(a => a.Headline == "甲");
            var absorbed = change.Edition.Articles.Single(a => a.Headline == "乙");
            var beforeText = ArticleSnapshot.Of(kept);
            change.Edition.MergeArticles(kept, absorbed);
            change.Record(new ArticleRevision(kept, "xiaowang", At, "并入了《乙》", beforeText, ArticleSnapshot.Of(kept)));
            change.Record(new AuditEntry(At, "xiaowang", "merge-articles", "binjiang", "binjiang 2026-11-02"));
            await change.SaveAsync(At);
        }

        await using var db = data.NewContext();
        var articles = await db.Articles.AsNoTracking().Where(a => a.EditionId == editionId).ToListAsync();
        var merged = Assert.Single(articles);
        Assert.Equal(["甲的段落。", "乙的段落。"], merged.Paragraphs);
        Assert.Equal("并入了《乙》", (await db.ArticleRevisions.SingleAsync()).Summary);
        Assert.Equal("merge-articles", (await db.AuditLog.SingleAsync()).Action);
        Assert.Equal(before + 1, (await feed.PendingAsync(100)).Count);
        Assert.Equal(At, (await db.Editions.SingleAsync()).ChangedAt);
    }

    [Fact]
    public async Task An_edition_change_disposed_unsaved_writes_nothing()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var editionId = await SeedAsync(data);

        await using (var change = (await data.Services.GetRequiredService<IEditionEditor>().OpenAsync(editionId))!)
        {
            change.Edition.MergeArticles(change.Edition.Articles[0], change.Edition.Articles[1]);
            change.Record(new AuditEntry(At, "xiaowang", "merge-articles", "binjiang", "x"));
        }

        await using var db = data.NewContext();
        Assert.Equal(2, await db.Articles.CountAsync());
        Assert.Empty(await db.AuditLog.ToListAsync());
    }

    [Fact]
    public async Task Publication_settings_are_saved_with_their_audit_line_and_a_refused_change_saves_neither()
    {
        await using var data = await TempDataFolder.CreateAsync();
        await SeedAsync(data);
        var settings = data.Services.GetRequiredService<IPublicationSettings>();

        Assert.True(await settings.ChangeAsync("binjiang", p =>
        {
            p.Name = "滨江晚报";
            return new AuditEntry(At, "chief", "publication-settings", "binjiang", p.Name, "name");
        }));
        await Assert.ThrowsAsync<DomainException>(() => settings.ChangeAsync("binjiang", p =>
        {
            p.Name = "不该保存";
            p.ChangeTimeZone("Mars/Olympus_Mons");
            return new AuditEntry(At, "chief", "publication-settings", "binjiang", p.Name);
        }));
        Assert.False(await settings.ChangeAsync("nowhere", p => throw new InvalidOperationException("not called")));

        Assert.Equal("滨江晚报", (await settings.FindAsync("binjiang"))!.Name);
        await using var db = data.NewContext();
        Assert.Equal("滨江晚报", (await db.AuditLog.SingleAsync()).Subject);
    }

    [Fact]
    public async Task A_taken_slug_adds_neither_the_publication_nor_its_audit_line()
    {
        await using var data = await TempDataFolder.CreateAsync();
        await SeedAsync(data);
        var settings = data.Services.GetRequiredService<IPublicationSettings>();

        await Assert.ThrowsAsync<DomainException>(() => settings.AddAsync(new Publication("binjiang", "另一份"), new AuditEntry(At, "chief", "create-publication", "binjiang", "另一份")));

        await using var db = data.NewContext();
        Assert.Equal(1, await db.Publications.CountAsync());
        Assert.Empty(await db.AuditLog.ToListAsync());
    }

    private static async Task<int> SeedAsync(TempDataFolder data)
    {
        var store = data.Services.GetRequiredService<IEditionStore>();
        var publication = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        var edition = new Edition(publication, Day);
        var page = edition.AddPage("01", "头版", new PageSize(842, 1191));
        edition.AddArticle(new ArticleContent { Headline = "甲", Paragraphs = ["甲的段落。"] }).AddRegion(page, Polygon.Rectangle(0.1, 0.1, 0.5, 0.5));
        edition.AddArticle(new ArticleContent { Headline = "乙", Paragraphs = ["乙的段落。"] }).AddRegion(page, Polygon.Rectangle(0.5, 0.1, 0.9, 0.5));
        edition.Publish(At.AddHours(-10));
        await store.SaveEditionAsync(edition, replace: false);
        return edition.Id;
    }
}
