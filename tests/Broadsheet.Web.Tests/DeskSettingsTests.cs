using System.Net;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

public sealed class DeskSettingsTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    private const string Page = "/riverside/2026-10-30/01";

    [Fact]
    public async Task A_publications_footer_and_website_set_at_the_desk_appear_on_reader_pages_at_once()
    {
        var reader = app.NewClient();
        var before = await reader.GetDocumentAsync(Page);
        Assert.Empty(before.QuerySelectorAll(".site-nav a[href='https://riverside.example/']"));
        var admin = await SignedInAdminAsync();

        using var saved = await DeskSession.PostFormAsync(admin, "/desk/admin/publications/riverside", Settings("https://riverside.example/", "Licence 42\nCopyright <b>Riverside</b> Press"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await reader.GetDocumentAsync(Page);
        Assert.Equal("Website", after.QuerySelector(".site-nav a[href='https://riverside.example/']")?.Text());
        var footer = after.QuerySelector("footer")!.TextContent;
        Assert.Contains("Licence 42", footer, StringComparison.Ordinal);
        // A footer line is text, shown as typed and encoded: what looks like markup is never markup.
        Assert.Contains("Copyright <b>Riverside</b> Press", footer, StringComparison.Ordinal);
        Assert.Empty(after.QuerySelectorAll("footer b"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://riverside.example/")]
    [InlineData("riverside.example")]
    public async Task A_website_that_is_not_an_http_address_is_refused_with_a_message_and_nothing_changes(string website)
    {
        var admin = await SignedInAdminAsync();

        using var refused = await DeskSession.PostFormAsync(admin, "/desk/admin/publications/riverside", Settings(website, "Changed footer"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must be an address starting with http:// or https://", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await app.NewClient().GetDocumentAsync(Page);
        Assert.DoesNotContain("Changed footer", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(string website, string footer) => new()
    {
        ["Form.Name"] = "The Riverside Times",
        ["Form.Language"] = "en",
        ["Form.TimeZoneId"] = "Europe/London",
        ["Form.PageLabelStyle"] = "Numeric",
        ["Form.WebsiteUrl"] = website,
        ["Form.FooterLines"] = footer,
    };

    private async Task<HttpClient> SignedInAdminAsync()
    {
        var name = "settings-admin-" + Guid.NewGuid().ToString("N")[..8];
        await DeskSession.CreateUserAsync(app.Services, name, DeskRoles.Admin);
        var client = app.NewClient();
        await DeskSession.SignInAsync(client, name);
        return client;
    }
}
