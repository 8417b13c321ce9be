using System.Globalization;
using System.Net;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>The review and article pages and the regions endpoint refuse anyone not signed in and anyone of another paper.</summary>
public sealed class DeskReviewAccessTests(ReviewDeskFactory app) : IClassFixture<ReviewDeskFactory>
{
    private const string Review = "/desk/binjiang/2026-11-02/01";

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_from_pages_and_get_401_from_the_api()
    {
        var id = await app.ArticleIdAsync("本市简讯");
        var client = app.NewClient();

        foreach (var url in new[] { Review, $"/desk/articles/{id}" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/desk/login?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var post = await client.PostAsync(new Uri($"/desk/articles/{id}?handler=Save", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("http://localhost/desk/login?ReturnUrl=", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var put = await new DeskClient(client).PutRegionsAsync(id, "01", [[[0, 0], [1, 0], [1, 1]]], token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
    }

    [Fact]
    public async Task An_editor_of_another_paper_gets_403_on_every_page_and_write()
    {
        var id = await app.ArticleIdAsync("本市简讯");
        var other = await app.ArticleIdAsync("地铁三号线二期开通试运营");
        var outsider = await app.SignInAsync(ReviewDeskFactory.Outsider);
        var token = await outsider.TokenAsync();

        await outsider.GetAsync(Review, HttpStatusCode.Forbidden);
        await outsider.GetAsync("/desk/binjiang/2026-11-02/01?n=1", HttpStatusCode.Forbidden);
        await outsider.GetAsync($"/desk/articles/{id}", HttpStatusCode.Forbidden);
        foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
        {
            ("Save", new() { ["Form.Headline"] = "外人改的标题" }),
            ("Merge", new() { ["other"] = other.ToString(CultureInfo.InvariantCulture) }),
            ("Split", new() { ["at"] = "2", ["headline"] = "外人拆的" }),
            ("Move", new() { ["from"] = "1", ["to"] = "1", ["target"] = other.ToString(CultureInfo.InvariantCulture) }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            using var response = await outsider.Http.PostAsync(new Uri($"/desk/articles/{id}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{handler}: {(int)response.StatusCode}");
        }

        using var put = await outsider.PutRegionsAsync(id, "01", [[[0, 0], [1, 0], [1, 1]]], token);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        var article = (await app.ArticleAsync(id))!;
        Assert.Equal("本市简讯", article.Headline);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Single(article.Regions);
        Assert.NotNull(await app.ArticleAsync(other));
    }

    [Fact]
    public async Task The_papers_own_editor_may_open_them_and_unknown_pages_and_articles_are_404()
    {
        var id = await app.ArticleIdAsync("本市简讯");
        var editor = await app.SignInAsync(ReviewDeskFactory.Editor);

        await editor.GetAsync(Review);
        await editor.GetAsync($"/desk/articles/{id}");
        await editor.GetAsync("/desk/binjiang/2026-11-02/09", HttpStatusCode.NotFound);
        await editor.GetAsync("/desk/binjiang/2026-11-02/01?n=2", HttpStatusCode.NotFound);
        await editor.GetAsync("/desk/nosuchpaper/2026-11-02/01", HttpStatusCode.NotFound);
        await editor.GetAsync("/desk/articles/999999", HttpStatusCode.NotFound);
        using var put = await editor.PutRegionsAsync(999999, "01", [[[0, 0], [1, 0], [1, 1]]], await editor.TokenAsync());
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task Drafts_can_be_reviewed_though_readers_cannot_see_them()
    {
        var editor = await app.SignInAsync(ReviewDeskFactory.Editor);

        var doc = await editor.GetAsync("/desk/binjiang/2026-11-03/01");

        Assert.Equal([TestEdition.DraftHeadline], doc.QuerySelectorAll(".review-articles .title").Texts());
        Assert.Equal("草稿", doc.QuerySelector("h1 .status")!.Text());
        await app.NewClient().GetDocumentAsync("/binjiang/2026-11-03/01", HttpStatusCode.NotFound);
    }
}
