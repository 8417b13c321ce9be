using System.Security.Cryptography;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>
/// A hand-built publication with three editions: the published one of <see cref="Day"/> (three pages, six
/// articles, one of them continued from page 01 to page 02, an L-shaped region, photos), an older published
/// one with sectioned page labels, and a newer draft that readers must never see.
/// </summary>
internal static class TestEdition
{
    public const string Slug = "binjiang";
    public const string Name = "滨江日报";
    public static readonly DateOnly Day = new(2026, 11, 2);
    public static readonly DateOnly OlderDay = new(2026, 11, 1);
    public static readonly DateOnly DraftDay = new(2026, 11, 3);
    public const string DraftHeadline = "草稿里的头条";
    public const string EnglishSlug = "riverside";
    public static readonly DateOnly EnglishDay = new(2026, 10, 30);
    public const string PdfText = "%PDF-1.4 page 01 of the test edition";

    public static readonly string[] FooterLines = ["浙ICP备00000000号", "滨江日报社版权所有"];

    /// <summary>The articles of the main edition, in reading order, with where they are printed.</summary>
    public static readonly TestArticle[] Articles =
    [
        new(
            new ArticleContent
            {
                Kicker = "聚焦城市更新——",
                Headline = "滨江新城今年建成十座口袋公园",
                Subheadline = "市民步行十分钟即可到达身边的绿地",
                Byline = "本报记者 王晓明 通讯员 李华",
                Paragraphs =
                [
                    "本报讯 今年以来，滨江新城利用边角地块新建口袋公园十座，总面积约三点二万平方米。",
                    "这些公园大多靠近居民小区和学校，设置了健身步道、儿童游乐设施和休憩座椅。",
                    "新城管委会表示，明年还将继续推进“十分钟公园圈”建设。",
                ],
            },
            [("01", Polygon.Rectangle(0.05, 0.08, 0.62, 0.46)), ("02", Polygon.Rectangle(0.05, 0.62, 0.95, 0.95))],
            [("01", Polygon.Rectangle(0.08, 0.2, 0.59, 0.36), "新建成的江畔口袋公园吸引市民休闲。", "王晓明/摄")]),
        new(
            new ArticleContent
            {
                Headline = "地铁三号线二期开通试运营",
                Byline = "本报记者 陈静",
                Paragraphs = ["昨天上午，地铁三号线二期正式开通试运营，全线新增车站七座。", "试运营期间，首末班车时间与一期保持一致。"],
            },
            [("01", new Polygon([new(0.62, 0.08), new(0.95, 0.08), new(0.95, 0.72), new(0.05, 0.72), new(0.05, 0.46), new(0.62, 0.46)]))],
            []),
        new(
            new ArticleContent
            {
                Headline = "秋日银杏染金城",
                Kind = ArticleKind.PhotoNews,
                Paragraphs = ["滨江公园的银杏进入最佳观赏期，吸引不少市民前来拍照。"],
            },
            [("01", Polygon.Rectangle(0.05, 0.72, 0.5, 0.95))],
            [("01", Polygon.Rectangle(0.07, 0.74, 0.48, 0.88), "市民在银杏树下拍照留念。", "张伟/摄")]),
        new(
            new ArticleContent
            {
                Headline = "本市简讯",
                Kind = ArticleKind.Briefs,
                Paragraphs = ["市图书馆新馆下月开放。", "滨江大桥夜间施工期间限速通行。", "第十届读书节启动。"],
            },
            [("01", Polygon.Rectangle(0.5, 0.72, 0.95, 0.95))],
            []),
        new(
            new ArticleContent
            {
                Headline = "市政协召开专题协商会",
                Byline = "本报记者 周敏",
                Paragraphs = ["会议围绕老旧小区改造开展专题协商。"],
            },
            [("02", Polygon.Rectangle(0.05, 0.05, 0.95, 0.6))],
            []),
        new(
            new ArticleContent
            {
                Headline = "平安建设宣传月启动",
                Paragraphs = ["全市平安建设宣传月活动昨日启动。"],
            },
            [("03", Polygon.Rectangle(0.05, 0.05, 0.95, 0.5))],
            []),
    ];

    public static readonly (string Label, string Name)[] Pages = [("01", "头版"), ("02", "要闻"), ("03", "平安滨江")];

    public static async Task<SeededEdition> SeedAsync(IServiceProvider services, int imageWidth = 240)
    {
        var store = services.GetRequiredService<IEditionStore>();
        var blobs = services.GetRequiredService<IBlobStore>();
        var publication = await store.AddPublicationAsync(new Publication(Slug, Name) { FooterLines = [.. FooterLines] });

        var edition = new Edition(publication, Day) { IssueNumber = 12345 };
        var pages = new Dictionary<string, Page>(StringComparer.Ordinal);
        var imageKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var imageHeight = (int)Math.Round(imageWidth * 1191.0 / 842);
        foreach (var (label, name) in Pages)
        {
            var page = edition.AddPage(label, name, new PageSize(842, 1191));
            var regions = Articles.SelectMany(a => a.Regions).Where(r => r.Page == label).Select(r => r.Polygon).ToList();
            var png = DrawPage(imageWidth, imageHeight, regions);
            page.ImageKey = await PutAsync(blobs, "pages", png, ".png");
            page.ImageWidth = imageWidth;
            page.ImageHeight = imageHeight;
            pages[label] = page;
            imageKeys[label] = page.ImageKey;
        }

        pages["01"].PdfKey = await PutAsync(blobs, "pdf", System.Text.Encoding.ASCII.GetBytes(PdfText), ".pdf");
        foreach (var spec in Articles)
        {
            var article = edition.AddArticle(spec.Content);
            foreach (var (label, polygon) in spec.Regions)
            {
                article.AddRegion(pages[label], polygon);
            }

            foreach (var (label, polygon, caption, credit) in spec.Images)
            {
                article.AddImage(pages[label], polygon, caption, credit);
            }
        }

        edition.Publish(new DateTimeOffset(2026, 11, 1, 22, 0, 0, TimeSpan.Zero));
        await store.SaveEditionAsync(edition, replace: false);

        var older = new Edition(publication, OlderDay) { IssueNumber = 12344 };
        var olderFront = older.AddPage("A01", "头版", new PageSize(842, 1191));
        older.AddPage("A02", "要闻", new PageSize(842, 1191));
        older.AddArticle(new ArticleContent { Headline = "昨日头条", Paragraphs = ["昨天的新闻。"] })
            .AddRegion(olderFront, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        older.Publish(new DateTimeOffset(2026, 10, 31, 22, 0, 0, TimeSpan.Zero));
        await store.SaveEditionAsync(older, replace: false);

        var draft = new Edition(publication, DraftDay);
        var draftFront = draft.AddPage("01", "头版", new PageSize(842, 1191));
        draft.AddArticle(new ArticleContent { Headline = DraftHeadline, Paragraphs = ["还没有发布。"] })
            .AddRegion(draftFront, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        await store.SaveEditionAsync(draft, replace: false);
        await SeedEnglishAsync(store);
        return new SeededEdition(imageKeys, pages["01"].PdfKey!, imageWidth, imageHeight);
    }

    /// <summary>An English-language paper with one two-page edition, older than the Chinese one so <c>/</c> still leads there.</summary>
    private static async Task SeedEnglishAsync(IEditionStore store)
    {
        var publication = await store.AddPublicationAsync(new Publication(EnglishSlug, "The Riverside Times", language: "en", timeZoneId: "Europe/London")
        {
            FooterLines = ["Registered as a newspaper", "© Riverside Media"],
        });
        var edition = new Edition(publication, EnglishDay) { IssueNumber = 501 };
        var front = edition.AddPage("01", "Front", new PageSize(842, 1191));
        var city = edition.AddPage("02", "City", new PageSize(842, 1191));
        edition.AddArticle(new ArticleContent { Headline = "Bridge reopens after repairs", Byline = "By Ann Lee", Paragraphs = ["The old bridge reopened on Thursday."] })
            .AddRegion(front, Polygon.Rectangle(0.05, 0.05, 0.95, 0.5));
        edition.AddArticle(new ArticleContent { Headline = "Library extends opening hours", Paragraphs = ["The central library will open until nine."] })
            .AddRegion(city, Polygon.Rectangle(0.05, 0.05, 0.95, 0.5));
        edition.Publish(new DateTimeOffset(2026, 10, 29, 22, 0, 0, TimeSpan.Zero));
        await store.SaveEditionAsync(edition, replace: false);
    }

    /// <summary>A page that looks a little like newsprint: each article a tinted block of grey "lines".</summary>
    public static byte[] DrawPage(int width, int height, IReadOnlyList<Polygon> regions)
    {
        (byte, byte, byte)[] tints = [(250, 236, 226), (226, 238, 250), (232, 246, 228), (246, 242, 222), (240, 230, 246)];
        return TestPng.Create(width, height, (x, y) =>
        {
            var nx = (x + 0.5) / width;
            var ny = (y + 0.5) / height;
            for (var i = 0; i < regions.Count; i++)
            {
                if (regions[i].Contains(nx, ny))
                {
                    var line = y % 12 < 4 && x % 97 > 6;
                    var (r, g, b) = tints[i % tints.Length];
                    return line ? ((byte)(r - 90), (byte)(g - 90), (byte)(b - 90)) : (r, g, b);
                }
            }

            return (255, 255, 255);
        });
    }

    private static async Task<string> PutAsync(IBlobStore blobs, string folder, byte[] bytes, string extension)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = $"{folder}/{hash[..2]}/{hash}{extension}";
        await blobs.PutAsync(key, new MemoryStream(bytes));
        return key;
    }
}

/// <summary>An article of the test edition and where it is printed (page label and polygon).</summary>
internal sealed record TestArticle(
    ArticleContent Content,
    (string Page, Polygon Polygon)[] Regions,
    (string Page, Polygon Polygon, string Caption, string Credit)[] Images)
{
    public string Headline => Content.Headline;
}

/// <summary>What seeding stored: the blob keys of the main edition's page images (by label) and of page 01's PDF.</summary>
internal sealed record SeededEdition(IReadOnlyDictionary<string, string> ImageKeys, string PdfKey, int ImageWidth, int ImageHeight);
