using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>
/// A draft edition of one page built by hand with the page's text layer (<c>layout.json</c>) as the importer stores
/// it, made with the mistakes detection makes: article 乙's first column holds the first paragraph of article 甲;
/// 甲's subheadline came in as an article of its own; 丙's column came in as one-line paragraphs; 甲 carries a photo
/// whose caption is a photo-news item. Each test makes an edition of its own (<see cref="NewEditionAsync"/>); a desk
/// editor works on them.
/// </summary>
public sealed class LayoutDeskFactory : ReaderAppFactory
{
    public const string Slug = "hexi";
    public const string Editor = "layout-editor";
    public const string Password = "layout editor password";
    private static int _days;

    /// <summary>Printed lines: text, box (normalised), type size.</summary>
    public static readonly (string Text, double L, double T, double R, double B, double Size)[] Lines =
    [
        ("河西走廊迎来丰收季", 0.05, 0.05, 0.60, 0.08, 30),          // 0  甲 headline
        ("戈壁滩上瓜果飘香", 0.10, 0.09, 0.50, 0.105, 16),           // 1  甲 subheadline (detected as an article of its own)
        ("今年河西走廊的瓜果产量再创", 0.07, 0.12, 0.30, 0.13, 9),     // 2  甲 body, first paragraph …
        ("新高，农户们忙着采摘装车。", 0.05, 0.135, 0.25, 0.145, 9),    // 3  … read into 乙
        ("合作社统一收购，价格稳定，", 0.07, 0.15, 0.30, 0.16, 9),       // 4  甲 second paragraph
        ("农民增收有了保障。", 0.05, 0.165, 0.20, 0.175, 9),            // 5
        ("丰收图片的说明文字。", 0.35, 0.32, 0.60, 0.33, 9),            // 6  photo caption
        ("黄河岸边开展清淤工程", 0.65, 0.05, 0.95, 0.08, 24),          // 7  乙 headline
        ("黄河兰州段的清淤工程昨日", 0.67, 0.10, 0.95, 0.11, 9),        // 8  乙 body
        ("正式开工，预计年底完成。", 0.65, 0.115, 0.90, 0.125, 9),      // 9
        ("市民公园新增健身步道", 0.05, 0.50, 0.50, 0.53, 24),          // 10 丙 headline
        ("市民公园近日新建了一条", 0.07, 0.55, 0.30, 0.56, 9),         // 11 丙 body, one paragraph …
        ("环湖健身步道，全长三公里，", 0.05, 0.565, 0.30, 0.575, 9),   // 12 … read as three
        ("吸引了不少晨练的市民，", 0.05, 0.58, 0.30, 0.59, 9),         // 13
        ("新设便民服务点", 0.05, 0.62, 0.25, 0.635, 16),               // 14 text no article holds: a headline …
        ("另有一段谁都没有的文字内容", 0.05, 0.64, 0.30, 0.65, 9),     // 15 … and its body
        ("早晚人流不断。", 0.05, 0.595, 0.18, 0.605, 9),               // 16 丙's last line
    ];

    protected override bool Seed => false;

    protected override async Task AfterSeedAsync()
    {
        await Services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication(Slug, "河西日报") { ImportAsDraft = true });
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(Editor, Password, DeskRoles.Editor, [Slug]);
    }

    /// <summary>
    /// A fresh draft edition of the page, on a day no other test uses; returns its date. With
    /// <paramref name="jump"/>, a page 02 carries the rest of 甲 (转版), detected as an article of its own, a
    /// 42-paragraph article and one without a headline. <paramref name="adjust"/> changes the edition before it is
    /// stored (what detection thought of an article, say).
    /// </summary>
    internal async Task<DateOnly> NewEditionAsync(bool jump = false, Action<Edition>? adjust = null)
    {
        var day = new DateOnly(2026, 1, 1).AddDays(Interlocked.Increment(ref _days));
        var store = Services.GetRequiredService<IEditionStore>();
        var blobs = Services.GetRequiredService<IBlobStore>();
        var publication = (await store.FindPublicationAsync(Slug))!;
        var edition = new Edition(publication, day);
        var page = edition.AddPage("01", "要闻", new PageSize(842, 1191));
        page.DerivativesKey = "pages/te/test-layout-1";
        var layout = new PageLayoutData(
            [.. Lines.Select(l => new PageLayoutLine(l.Text, l.L, l.T, l.R, l.B, l.Size))],
            [new PageLayoutImage(0.35, 0.20, 0.60, 0.31)]);
        using (var stream = new MemoryStream())
        {
            PageLayoutFile.Write(stream, layout);
            stream.Position = 0;
            await blobs.PutAsync(page.DerivativesKey + "/" + PageLayoutFile.FileName, stream);
        }

        var jia = edition.AddArticle(new ArticleContent { Headline = "河西走廊迎来丰收季", Paragraphs = ["合作社统一收购，价格稳定，农民增收有了保障。"] });
        jia.AddRegion(page, Polygon.Rectangle(0.04, 0.04, 0.61, 0.34));
        jia.AddImage(page, Polygon.Rectangle(0.35, 0.20, 0.60, 0.31), "丰收图片的说明文字。", "本报记者 李四");
        var fragment = edition.AddArticle(new ArticleContent { Headline = "戈壁滩上瓜果飘香" });
        fragment.AddRegion(page, Polygon.Rectangle(0.10, 0.09, 0.50, 0.105));
        var yi = edition.AddArticle(new ArticleContent
        {
            Headline = "黄河岸边开展清淤工程",
            Paragraphs = ["今年河西走廊的瓜果产量再创新高，农户们忙着采摘装车。", "黄河兰州段的清淤工程昨日正式开工，预计年底完成。"],
        });
        yi.AddRegion(page, Polygon.Rectangle(0.64, 0.04, 0.96, 0.13));
        var bing = edition.AddArticle(new ArticleContent
        {
            Headline = "市民公园新增健身步道",
            Paragraphs = ["市民公园近日新建了一条", "环湖健身步道，全长三公里，", "吸引了不少晨练的市民，", "早晚人流不断。"],
        });
        bing.AddRegion(page, Polygon.Rectangle(0.04, 0.49, 0.51, 0.61));
        if (jump)
        {
            var next = edition.AddPage("02", "综合", new PageSize(842, 1191));
            var rest = edition.AddArticle(new ArticleContent { Headline = "（上接第01版）", Paragraphs = ["瓜果销往全国各地，供不应求。"] });
            rest.AddRegion(next, Polygon.Rectangle(0.05, 0.05, 0.45, 0.20));
            // Two of the mistakes the desk must flag: a column read as 42 paragraphs, a story with no headline.
            var longOne = edition.AddArticle(new ArticleContent { Headline = "全市秋粮收购进度过半", Paragraphs = [.. Enumerable.Range(1, 42).Select(i => $"第{i}段。")] });
            longOne.AddRegion(next, Polygon.Rectangle(0.05, 0.25, 0.95, 0.70));
            var untitled = edition.AddArticle(new ArticleContent { Headline = "（无标题）", Paragraphs = ["一段没有标题的正文。"] });
            untitled.AddRegion(next, Polygon.Rectangle(0.55, 0.05, 0.95, 0.20));
        }

        adjust?.Invoke(edition);
        edition.MarkCreated(new DateTimeOffset(2026, 8, 31, 20, 0, 0, TimeSpan.Zero));
        await store.SaveEditionAsync(edition, replace: false);
        return day;
    }

    /// <summary>The edition as stored now, with its articles' regions and photos.</summary>
    internal async Task<Edition> EditionAsync(DateOnly day)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Editions.AsNoTracking()
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .Include(e => e.Articles).ThenInclude(a => a.Images)
            .AsSplitQuery()
            .SingleAsync(e => e.Publication.Slug == Slug && e.Date == day);
    }

    internal async Task<IReadOnlyList<ArticleRevision>> RevisionsAsync(int articleId)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).ToListAsync();
    }

    /// <summary>The audit log's actions on the edition of <paramref name="day"/>, oldest first.</summary>
    internal async Task<IReadOnlyList<string>> AuditActionsAsync(DateOnly day)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditLog.AsNoTracking().Where(e => e.PublicationSlug == Slug && e.Subject.Contains(date)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }
}
