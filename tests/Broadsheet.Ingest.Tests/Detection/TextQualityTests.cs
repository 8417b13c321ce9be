using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class TextQualityTests
{
    private const string English =
        "\"The council voted 7-2 on Monday (after a long debate) to raise the budget by 3.5%,\" the mayor said. "
        + "\"It's a fair deal; we've waited long enough!\" Residents, however, were not so sure: some said the rise "
        + "came too late for the schools, and others that the roads needed it more.";

    private const string Chinese =
        "据市统计局发布的数据，今年前三季度全市地区生产总值同比增长6.5%，高于全国平均水平。"
        + "其中，第一产业增加值增长4.1%；第二产业增加值增长7.2%；第三产业增加值增长6.3%。"
        + "“经济运行总体平稳、稳中有进。”市统计局负责人说，下一步将继续加大对重点行业的监测力度，"
        + "及时发布统计信息，为全市高质量发展提供数据支撑。全市规模以上工业增加值同比增长8.0%。"
        + "社会消费品零售总额同比增长5.2%，固定资产投资同比增长4.7%，城乡居民人均可支配收入稳步提高，就业形势总体稳定。";

    private static string[] Characters(string text) => [.. text.EnumerateRunes().Select(r => r.ToString())];

    [Fact]
    public void Replacement_characters_make_a_page_unreadable()
    {
        Assert.True(TextQuality.IsUnreadable(Characters(new string('\uFFFD', 40) + "正文内容")));
    }

    [Fact]
    public void Private_use_code_points_make_a_page_unreadable_once_they_are_more_than_three_in_ten()
    {
        Assert.True(TextQuality.IsUnreadable(Characters(new string('\uE001', 31) + new string('字', 69))));
        Assert.False(TextQuality.IsUnreadable(Characters(new string('\uE001', 30) + new string('字', 70))));
    }

    [Fact]
    public void Glyph_numbers_read_as_ascii_symbols_make_a_page_unreadable()
    {
        var soup = string.Concat(Enumerable.Repeat("!\"#$%&'()*+,-./0123456789:;<=>?", 10));

        Assert.True(TextQuality.IsUnreadable(Characters(soup)));
    }

    [Fact]
    public void More_than_a_fifth_ascii_symbols_in_at_least_two_hundred_characters_is_unreadable()
    {
        Assert.False(TextQuality.IsUnreadable(Characters(new string('a', 160) + new string('!', 40))));
        Assert.True(TextQuality.IsUnreadable(Characters(new string('a', 159) + new string('!', 41))));
        Assert.False(TextQuality.IsUnreadable(Characters(new string('a', 99) + new string('!', 100))), "too few characters to judge by symbols");
    }

    [Fact]
    public void Prose_with_its_punctuation_is_readable()
    {
        Assert.True(English.Count(c => !char.IsWhiteSpace(c)) >= 200);
        Assert.True(Chinese.Length >= 200);
        Assert.False(TextQuality.IsUnreadable(Characters(English)));
        Assert.False(TextQuality.IsUnreadable(Characters(Chinese)));
    }

    [Fact]
    public void A_page_without_characters_is_empty_not_unreadable()
    {
        Assert.False(TextQuality.IsUnreadable([]));
        Assert.False(TextQuality.IsUnreadable(Characters("    ")));
    }
}
