using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>The review desk with an article whose byline has an ideographic space and angle brackets, as typesetting writes them.</summary>
public sealed class TypedTextDeskFactory : ReviewDeskFactory
{
    public const string Byline = "本报记者　王<五>";

    protected override async Task AfterSeedAsync()
    {
        await base.AfterSeedAsync();
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var article = await db.Articles.SingleAsync(a => a.Headline == TestEdition.Articles[1].Headline && a.Edition.Date == TestEdition.Day);
        article.Apply(new ArticleContent
        {
            Kicker = article.Kicker,
            Headline = article.Headline,
            Subheadline = article.Subheadline,
            Byline = Byline,
            Kind = article.Kind,
            Paragraphs = [.. article.Paragraphs],
        });
        await db.SaveChangesAsync();
    }
}

/// <summary>
/// Desk text fields are text: what an editor types is what is stored, what the API returns and what readers see,
/// encoded wherever it is shown; nothing is dropped for looking like markup.
/// </summary>
public sealed class DeskTextAsTypedTests(TypedTextDeskFactory app) : IClassFixture<TypedTextDeskFactory>
{
    [Fact]
    public async Task Text_that_looks_like_markup_is_stored_returned_and_shown_as_typed()
    {
        const string Headline = "&lt;script&gt; is how a page writes <script>";
        const string Subheadline = "Compare 3<5 and x<y>z done";
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync(TestEdition.Articles[2].Headline);

        using var saved = await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?>
        {
            ["Form.Headline"] = Headline,
            ["Form.Subheadline"] = Subheadline,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = (await app.ArticleAsync(id))!;
        Assert.Equal((Headline, Subheadline), (stored.Headline, stored.Subheadline));
        var api = await app.NewClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/publications/{TestEdition.Slug}/editions/2026-11-02", UriKind.Relative));
        var articles = api.GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("articles").EnumerateArray()).ToList();
        Assert.Contains(articles, a => a.GetProperty("headline").GetString() == Headline && a.GetProperty("subheadline").GetString() == Subheadline);
        var form = await desk.GetAsync($"/desk/articles/{id}");
        Assert.Equal(Headline, form.QuerySelector("input[name='Form.Headline']")!.GetAttribute("value"));
        Assert.DoesNotContain(form.QuerySelectorAll("script"), s => s.TextContent.Contains("is how a page writes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saving_an_article_without_edits_keeps_its_byline_and_says_nothing_changed()
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);
        var id = await app.ArticleIdAsync(TestEdition.Articles[1].Headline);

        using var saved = await desk.SubmitAsync($"/desk/articles/{id}", "Save", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(TypedTextDeskFactory.Byline, (await app.ArticleAsync(id))!.Byline);
        var page = await desk.GetAsync($"/desk/articles/{id}");
        Assert.Empty(page.QuerySelectorAll(".revisions li"));
    }
}
