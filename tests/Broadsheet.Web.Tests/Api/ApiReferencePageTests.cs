using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests.Api;

/// <summary>The API's reference page (Scalar): served whole by the app, nothing from another site, and allowed by its own policy.</summary>
public sealed class ApiReferencePageTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Fact]
    public async Task The_reference_page_loads_only_this_sites_scripts_and_its_policy_allows_its_inline_script()
    {
        var client = app.NewClient();
        using var response = await client.GetAsync(new Uri("/api/v1/reference/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scripts = new HtmlParser().ParseDocument(html).QuerySelectorAll("script").ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("api/v1/openapi.json", html, StringComparison.Ordinal);
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            if (script.GetAttribute("src") is { } src)
            {
                var url = new Uri(new Uri("http://localhost/api/v1/reference/"), src);
                Assert.Equal("localhost", url.Host);
                using var file = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Contains("javascript", file.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            }
            else
            {
                var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.TextContent)));
                Assert.Contains($"'sha256-{hash}'", policy, StringComparison.Ordinal);
            }
        }

        var scriptSources = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe", scriptSources, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }
}
