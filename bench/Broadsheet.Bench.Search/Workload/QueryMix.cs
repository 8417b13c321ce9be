using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Workload;

/// <summary>The fixed query mix timed against both engines; every client runs it round and round.</summary>
internal static class QueryMix
{
    public static IReadOnlyList<BenchQuery> All { get; } =
    [
        new("two-char word 民警", Text("民警"), new(null, PeerQuery.Like("民警"))),
        new("two-char word 调解", Text("调解"), new(null, PeerQuery.Like("调解"))),
        new("2-char name 王伟", Text("王伟"), new(null, PeerQuery.Like("王伟"))),
        new("3-char name 李晓明", Text("李晓明"), new("\"李晓明\"")),
        new("phrase \"优化营商环境\"", Text("\"优化营商环境\""), new("\"优化营商环境\"")),
        new("派出所 诈骗案 NOT 志愿者", Text("派出所 AND 诈骗案 NOT 志愿者"), new("\"派出所\" AND \"诈骗案\" NOT \"志愿者\"")),
        new("候鸟 OR 银杏", Text("候鸟 OR 银杏"), new(null, $"({PeerQuery.Like("候鸟")} OR {PeerQuery.Like("银杏")})")),
        new("title:派出所", Text("title:派出所"), new("title : \"派出所\"")),
        new(
            "志愿者, 2005-2009",
            Text("志愿者") with { From = new DateOnly(2005, 1, 1), To = new DateOnly(2009, 12, 31) },
            new("\"志愿者\"", PeerQuery.DateBetween(new DateOnly(2005, 1, 1), new DateOnly(2009, 12, 31)))),
        new("老旧小区, page 民生", Text("老旧小区") with { PageName = "民生" }, new("\"老旧小区\"", PeerQuery.PageIs("民生"))),
        new("English coral reefs", Text("coral reefs"), new("coral AND reefs")),
        new("rare name 祁望舒", Text("祁望舒"), new("\"祁望舒\"")),
        new("common word 市民", Text("市民"), new(null, PeerQuery.Like("市民"))),
    ];

    // As the results page and the API ask: the first page of 20 with the year, month, page-name and publication
    // counts over every match.
    private static SearchQuery Text(string text) => new() { Text = text, PageSize = 20, Facets = true };
}
