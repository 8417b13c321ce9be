using Broadsheet.Bench.Search.Workload;
using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Corpus;

/// <summary>
/// The labelled queries. Every planted string is absent from the samples' corpus and its name pools (checked by
/// hand against src/Broadsheet.Samples/Text), so the planted articles are the only possible right answers.
/// </summary>
internal static class RelevanceSet
{
    public static IReadOnlyList<RelevanceCase> All { get; } = Build();

    private static List<RelevanceCase> Build()
    {
        var phrase = "白鹭洲湿地公园";
        var phrasePlants = Repeat(6, InBody("白鹭洲湿地公园二期工程已全面完工，市民可以沿栈道观鸟。"))
            .Concat(Repeat(6, Both(InBody("白鹭洲的渔民说，今年的江水比往年更清。"), InBody("新建的湿地公园吸引了不少外地游客。"))))
            .ToList();
        var bylinePlants = Repeat(4, (d, _) => d.Byline = "记者　欧阳澜")
            .Concat(Repeat(4, InBody("今年九十岁的欧阳澜老人每天都到广场上练太极拳。")))
            .ToList();
        var quill = Repeat(5, AsParagraph("The Quillfeather archive opened its reading room to the public this week."));
        return
        [
            Case("rare 3-char name 祁望舒", "祁望舒", new("\"祁望舒\""), Has("祁望舒"),
                Repeat(6, InBody("退休教师祁望舒把自家小院改成了社区书屋。"))),
            Case("2-char name 祁琰", "祁琰", new(null, PeerQuery.Like("祁琰")), Has("祁琰"),
                Repeat(5, InBody("志愿者祁琰已经在这里义务值守了十二年。"))),
            Case("2-char word 鲟鱼", "鲟鱼", new(null, PeerQuery.Like("鲟鱼")), Has("鲟鱼"),
                Repeat(5, InBody("渔政部门当天向江中放流了一批人工繁育的鲟鱼。"))),
            Case("quoted phrase", $"\"{phrase}\"", new($"\"{phrase}\""), Has(phrase), phrasePlants),
            Case("unquoted run, parts elsewhere", phrase, new(phrase), Has(phrase), []),
            Case("English word", "quillfeather", new("quillfeather"), HasIgnoreCase("quillfeather"), quill),
            Case("misspelt English word", "quilfeather", new("quilfeather"), HasIgnoreCase("quillfeather"), []),
            Case("English plural and singular", "lighthouse keepers", new("lighthouse AND keepers"), HasIgnoreCase("lighthouse keeper"),
                [
                    .. Repeat(3, AsParagraph("Two lighthouse keepers restored the old brass lamp by hand.")),
                    .. Repeat(3, AsParagraph("The last lighthouse keeper on the island retired this spring.")),
                ]),
            Case("full-width ＡＩ = AI", "AI导览", new("\"AI导览\""), d => Has("AI导览")(d) || Has("ＡＩ导览")(d),
                [
                    .. Repeat(3, InBody("博物馆推出ＡＩ导览服务，游客扫码即可收听讲解。")),
                    .. Repeat(3, InBody("景区的AI导览小程序上线一周，使用人次过万。")),
                ]),
            Case("title:鹊桥仙", "title:鹊桥仙", new("title : \"鹊桥仙\""), d => InTitle(d, "鹊桥仙"),
                [
                    .. Repeat(4, (d, _) => d.Headline = "鹊桥仙古戏台修缮完工"),
                    .. Repeat(4, InBody("晚上，剧团在古戏台前演出了传统剧目《鹊桥仙》。")),
                ]),
            Case("author:欧阳澜", "author:欧阳澜", new("author : \"欧阳澜\""), d => d.Byline?.Contains("欧阳澜", StringComparison.Ordinal) == true, bylinePlants),
            Case("name anywhere 欧阳澜", "欧阳澜", new("\"欧阳澜\""), Has("欧阳澜"), []),
            new(
                "铜鼓节, 2010-2019",
                new SearchQuery { Text = "铜鼓节", From = new DateOnly(2010, 1, 1), To = new DateOnly(2019, 12, 31), PageSize = 10 },
                new("\"铜鼓节\"", PeerQuery.DateBetween(new DateOnly(2010, 1, 1), new DateOnly(2019, 12, 31))),
                d => Has("铜鼓节")(d) && d.Date.Year is >= 2010 and <= 2019,
                Repeat(10, InBody("当天，石门镇举办了第三届铜鼓节，吸引了周边数千名群众。"))),
            Case("松鼠桥 NOT 施工", "松鼠桥 NOT 施工", new("\"松鼠桥\"", $"NOT {PeerQuery.Like("施工")}"), d => Has("松鼠桥")(d) && !Has("施工")(d),
                [
                    .. Repeat(4, InBody("横跨小溪的松鼠桥成了孩子们最爱的打卡点。")),
                    .. Repeat(4, InBody("松鼠桥施工期间，游客请从东门绕行。")),
                ]),
            Case("雪豹 OR 云豹", "雪豹 OR 云豹", new(null, $"({PeerQuery.Like("雪豹")} OR {PeerQuery.Like("云豹")})"), d => Has("雪豹")(d) || Has("云豹")(d),
                [
                    .. Repeat(3, InBody("红外相机再次拍到了雪豹的身影。")),
                    .. Repeat(3, InBody("保护区首次记录到云豹在林间活动。")),
                ]),
            Case("mixed Python编程", "Python编程", new("\"python编程\""), HasIgnoreCase("python编程"),
                Repeat(4, InBody("少年宫新开设的Python编程兴趣班报名火爆。"))),
            // Across scripts: planted in one, asked for in the other. A right answer is the planted text in either
            // script, as a reader of either would count it.
            Case("traditional query 鷓鴣嶺 finds simplified 鹧鸪岭", "鷓鴣嶺", new("\"鷓鴣嶺\""), d => Has("鹧鸪岭")(d) || Has("鷓鴣嶺")(d),
                Repeat(5, InBody("登山爱好者沿着鹧鸪岭的古道徒步而上。"))),
            Case("simplified query 旧钟楼 finds traditional 舊鐘樓", "旧钟楼", new("\"旧钟楼\""), d => Has("旧钟楼")(d) || Has("舊鐘樓")(d),
                Repeat(5, InBody("港島的舊鐘樓今年迎來一百歲生日。"))),
            Case("headline words, no quotes", "古桥修缮迎来新生", new("\"古桥修缮迎来新生\""), d => InTitle(d, "古桥修缮迎来新生"),
                [(d, _) => d.Headline = "古桥修缮迎来新生"]),
        ];
    }

    private static RelevanceCase Case(
        string name, string text, PeerQuery peer, Func<ArticleDocument, bool> isRight, IReadOnlyList<Action<ArticleDraft, Random>> plants) =>
        new(name, new SearchQuery { Text = text, PageSize = 10 }, peer, isRight, plants);

    private static List<Action<ArticleDraft, Random>> Repeat(int count, Action<ArticleDraft, Random> plant) =>
        [.. Enumerable.Repeat(plant, count)];

    private static Action<ArticleDraft, Random> Both(Action<ArticleDraft, Random> first, Action<ArticleDraft, Random> second) =>
        (d, r) =>
        {
            first(d, r);
            second(d, r);
        };

    // Appended to a random paragraph, as if the reporter had written it there.
    private static Action<ArticleDraft, Random> InBody(string sentence) => (d, r) =>
    {
        if (d.Paragraphs.Count == 0)
        {
            d.Paragraphs.Add(sentence);
            return;
        }

        var p = r.Next(d.Paragraphs.Count);
        d.Paragraphs[p] += sentence;
    };

    private static Action<ArticleDraft, Random> AsParagraph(string paragraph) => (d, r) =>
        d.Paragraphs.Insert(r.Next(d.Paragraphs.Count + 1), paragraph);

    private static Func<ArticleDocument, bool> Has(string text) => d => Texts(d).Any(t => t.Contains(text, StringComparison.Ordinal));

    private static Func<ArticleDocument, bool> HasIgnoreCase(string text) =>
        d => Texts(d).Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static bool InTitle(ArticleDocument d, string text) =>
        new[] { d.Headline, d.Kicker, d.Subheadline }.Any(t => t?.Contains(text, StringComparison.Ordinal) == true);

    private static IEnumerable<string> Texts(ArticleDocument d) =>
        new[] { d.Headline, d.Kicker, d.Subheadline, d.Byline }.OfType<string>().Concat(d.Body).Concat(d.Captions).Concat(d.Credits);
}
