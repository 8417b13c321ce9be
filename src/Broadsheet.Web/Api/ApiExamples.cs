using Broadsheet.Core.Model;
using Broadsheet.Search;
using Broadsheet.Web.Search;

namespace Broadsheet.Web.Api;

/// <summary>
/// The example answer of each operation in the API document, built from the same records the endpoints return
/// (so an example cannot name a field the API no longer has: it would not compile), and checked against the
/// document's schemas by the contract test. The demo paper's front page, shortened.
/// </summary>
internal static class ApiExamples
{
    private const string Slug = "binjiang";
    private static readonly DateOnly Day = new(2026, 11, 2);
    private static readonly PublicationDto Publication = new(Slug, "滨江日报", "zh-CN", "Asia/Shanghai");

    /// <summary>The example of each operation's 200 answer, by operation id (the endpoint's name).</summary>
    public static object? Of(string operationId) => operationId switch
    {
        "ListEditions" => new EditionListDto(Publication,
        [
            new EditionSummaryDto(Day, 1, 12345, "/api/v1/publications/binjiang/editions/2026-11-02"),
            new EditionSummaryDto(Day.AddDays(-1), 1, 12344, "/api/v1/publications/binjiang/editions/2026-11-01"),
        ]),
        "GetEdition" => Edition,
        "GetPageText" => new PageTextDto("01", "头版", "/binjiang/2026-11-02/01",
        [
            new PageArticleDto(1, ArticleKind.Story, "滨江新城今年建成十座口袋公园", "/binjiang/2026-11-02/01/1",
            [
                new ParagraphDto("本报讯 今年以来，滨江新城利用边角地块新建口袋公园十座，总面积约三点二万平方米。", ParagraphKind.Body,
                    [[0.05, 0.1012, 0.57, 0.0124], [0.05, 0.1146, 0.31, 0.0124]]),
                new ParagraphDto("小切口带来大变化", ParagraphKind.Subhead, [[0.2, 0.1280, 0.2, 0.0130]]),
            ]),
        ]),
        "Search" => new SearchResponse("口袋公园", false, 1, 1, 20,
        [
            new SearchHitDto("滨江新城今年建成十座口袋公园", ArticleKind.Story, Slug, "滨江日报", "2026-11-02", 1, "01", "头版",
                "/binjiang/2026-11-02/01/1?hl=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD&a=1", "/binjiang/2026-11-02/01?hl=%E5%8F%A3%E8%A2%8B%E5%85%AC%E5%9B%AD&a=1",
                "滨江新城利用边角地块新建<mark>口袋公园</mark>十座", ["口袋公园"]),
        ],
        new SearchFacets([new FacetCount("2026", 1)], [new FacetCount("2026-11", 1)], [new FacetCount("头版", 1)], [new FacetCount(Slug, 1)])),
        _ => OpenData.Bulk.BulkExamples.Of(operationId),
    };

    private static EditionDto Edition => new(
        Publication, Day, 1, 12345, new DateTimeOffset(2026, 11, 1, 22, 30, 0, TimeSpan.FromHours(8)), "/binjiang/2026-11-02/01",
        [
            new PageDto("01", "头版", 1, null, 842, 1191, "/media/69/69fb2c0e/2000.webp", 2000, 2829, "/media/3a/3a9d41c7.pdf", "/binjiang/2026-11-02/01",
            [
                new ArticleDto(1, 1, ArticleKind.Story, "聚焦城市更新——", "滨江新城今年建成十座口袋公园", "市民步行十分钟即可到达身边的绿地", "本报记者 王晓明 通讯员 李华",
                    ["本报讯 今年以来，滨江新城利用边角地块新建口袋公园十座，总面积约三点二万平方米。", "小切口带来大变化", "这些公园大多靠近居民小区和学校，设置了健身步道、儿童游乐设施和休憩座椅。"],
                    [
                        new BodyParagraphDto(ParagraphKind.Body, "本报讯 今年以来，滨江新城利用边角地块新建口袋公园十座，总面积约三点二万平方米。", null),
                        new BodyParagraphDto(ParagraphKind.Subhead, "小切口带来大变化", null),
                        new BodyParagraphDto(ParagraphKind.Body, "这些公园大多靠近居民小区和学校，设置了健身步道、儿童游乐设施和休憩座椅。", null),
                    ],
                    [new ImageDto("01", "新建成的江畔口袋公园吸引市民休闲。", "王晓明/摄", [[0.08, 0.2], [0.59, 0.2], [0.59, 0.36], [0.08, 0.36]], "/media/5e/5e0c11aa/large.jpg", 1600, 1004)],
                    [new RegionDto("01", [[0.05, 0.08], [0.62, 0.08], [0.62, 0.46], [0.05, 0.46]]), new RegionDto("02", [[0.05, 0.62], [0.95, 0.62], [0.95, 0.95], [0.05, 0.95]])],
                    "/binjiang/2026-11-02/01/1"),
            ]),
        ]);
}
