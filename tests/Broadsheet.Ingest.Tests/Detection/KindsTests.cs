using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class KindsTests
{
    [Theory]
    [InlineData("遗失声明", ArticleKind.Notice)]
    [InlineData("招聘启事", ArticleKind.Notice)]
    [InlineData("拍卖公告", ArticleKind.Notice)]
    [InlineData("滨江市自然资源局国有土地使用权挂牌出让公告", ArticleKind.Notice)]
    [InlineData("注销公告 滨江某某贸易有限公司", ArticleKind.Notice)]
    [InlineData("Public Notice", ArticleKind.Notice)]
    [InlineData("LEGAL NOTICES", ArticleKind.Notice)]
    [InlineData("NOTICE OF PUBLIC HEARING", ArticleKind.Notice)]
    [InlineData("Obituaries", ArticleKind.Notice)]
    [InlineData("市政府发布公告称明年起实施新规", ArticleKind.Story)]
    [InlineData("Council puts up a notice about parking", ArticleKind.Story)]
    [InlineData("公告专栏", ArticleKind.Notice)]
    [InlineData("本地简讯", ArticleKind.Briefs)]
    [InlineData("News in Brief", ArticleKind.Briefs)]
    [InlineData("平安贵阳建设取得新成效", ArticleKind.Story)]
    public void A_notice_is_told_by_a_headline_that_is_what_it_is(string headline, ArticleKind kind)
    {
        Assert.Equal(kind, Kinds.OfHeadline(headline));
    }

    [Theory]
    [InlineData("5/8中缝", null, "公告专栏", ArticleKind.Notice)]
    [InlineData("四川省南部县人民法院", "法院公告", null, ArticleKind.Notice)]
    [InlineData("Notices to creditors", "LEGAL NOTICES", null, ArticleKind.Notice)]
    [InlineData("本地简讯", "公告专栏", null, ArticleKind.Briefs)]
    [InlineData("市政府发布新规", "聚焦", "明年起实施，此前已发布公告", ArticleKind.Story)]
    [InlineData("市政府发布新规", "市政府办公厅发布公告", null, ArticleKind.Story)]
    public void A_column_of_notices_is_told_by_its_name_above_or_below_the_headline(string headline, string? kicker, string? subheadline, ArticleKind kind)
    {
        Assert.Equal(kind, Kinds.OfTitle(headline, kicker, subheadline));
    }
}
