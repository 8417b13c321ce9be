using Broadsheet.Core.Model;

namespace Broadsheet.Search.Tests;

public sealed class ArticleDocumentTests
{
    [Fact]
    public void Is_built_from_the_content_model()
    {
        var publication = new Publication("gzfzb", "贵州法治报");
        var edition = new Edition(publication, new DateOnly(2024, 3, 12), number: 2);
        var page = edition.AddPage("06", "平安贵阳", new PageSize(842, 1191));
        var article = edition.AddArticle(new ArticleContent
        {
            Kicker = "小区楼道堆物引争执——",
            Headline = "民警耐心调解邻里纠纷",
            Subheadline = "双方握手言和",
            Byline = "记者 王芳",
            Paragraphs = ["第一段。", "第二段。"],
            Kind = ArticleKind.Story,
        });
        article.AddImage(page, Polygon.Rectangle(0.1, 0.1, 0.4, 0.3), "民警在现场调解。", "记者 李明 摄");
        article.AddImage(page, Polygon.Rectangle(0.5, 0.1, 0.9, 0.3), null, null);

        var doc = ArticleDocument.From(article, page, numberOnPage: 3);

        Assert.Equal(("gzfzb", "贵州法治报", new DateOnly(2024, 3, 12), 2), (doc.PublicationSlug, doc.PublicationName, doc.Date, doc.EditionNumber));
        Assert.Equal(("06", "平安贵阳", 3), (doc.PageLabel, doc.PageName, doc.ArticleNumberOnPage));
        Assert.Equal(("小区楼道堆物引争执——", "民警耐心调解邻里纠纷", "双方握手言和", "记者 王芳"), (doc.Kicker, doc.Headline, doc.Subheadline, doc.Byline));
        Assert.Equal(["第一段。", "第二段。"], doc.Body);
        Assert.Equal(["民警在现场调解。"], doc.Captions);
        Assert.Equal(["记者 李明 摄"], doc.Credits);
    }

    [Fact]
    public async Task Photographers_are_found_with_author()
    {
        using var index = new TempIndex();
        await index.Index.IndexAsync([Articles.Make(1, headline: "图说") with { Credits = ["记者 李明 摄"] }, Articles.Make(2, body: "李明")]);

        Assert.Equal([1], index.Ids("author:李明"));
    }
}
