using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Broadsheet.Web.Tests;

/// <summary>Requests an attacker or a broken client makes: each gets a plain answer, never a 500, a foreign link or a page made for it alone.</summary>
public sealed class HostileRequestTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Fact]
    public async Task A_publication_in_the_search_query_cannot_make_a_link_to_another_site()
    {
        var html = await app.NewClient().GetStringAsync(new Uri("/search?q=x&pub=/evil.example/x", UriKind.Relative));

        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.DoesNotContain(links, h => h.StartsWith("//", StringComparison.Ordinal) || h.Contains("evil.example", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/binjiang/9999/12")]
    [InlineData("/binjiang/9999/11")]
    [InlineData("/binjiang/1000/01")]
    public async Task A_calendar_of_a_year_without_editions_is_not_found_and_small(string url)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 50_000);
    }

    [Theory]
    [InlineData("TRACE", "/binjiang/2026-11-02/01")]
    [InlineData("TRACE", "/")]
    [InlineData("TRACK", "/binjiang/2026-11-02/01/1")]
    [InlineData("DELETE", "/api/v1/publications/binjiang/editions")]
    [InlineData("PROPFIND", "/search")]
    [InlineData("POST", "/binjiang/2026-11-02/01/1")]
    [InlineData("TRACE", "/desk/login")]
    public async Task A_method_a_path_does_not_serve_gets_405(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        using var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_sign_in_whose_return_address_has_a_line_break_goes_to_the_desk()
    {
        await DeskSession.CreateUserAsync(app.Services, "crlf-user", DeskRoles.Editor, TestEdition.Slug);
        var client = app.NewClient();
        var token = await DeskSession.TokenAsync(client, "/desk/login");

        using var response = await client.PostAsync(new Uri("/desk/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "crlf-user",
            ["password"] = DeskSession.Password,
            ["returnUrl"] = "/desk\r\nSet-Cookie: injected=1",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/desk", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("injected", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-02/01/1")]
    [InlineData("/search?q=%E5%85%AC%E5%9B%AD")]
    [InlineData("/desk/login")]
    public async Task Every_page_has_a_content_security_policy_that_allows_its_own_inline_scripts_and_no_others(string url)
    {
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", Directive(policy, "script-src"), StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", policy, StringComparison.Ordinal);
        foreach (var script in InlineScripts(html))
        {
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'", Directive(policy, "script-src"), StringComparison.Ordinal);
        }

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_over_https()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/desk/login", UriKind.Relative));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Scripts a browser runs from the page itself: script elements without src whose type is JavaScript.</summary>
    internal static IEnumerable<string> InlineScripts(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("script:not([src])")
            .Where(s => s.GetAttribute("type") is null or "" or "text/javascript" or "module")
            .Select(s => s.TextContent);

    internal static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));
}

/// <summary>A search rate limit small enough to reach in a test.</summary>
public sealed class TightSearchLimitFactory : ReaderAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:SearchBurst", "2");
        builder.UseSetting("Broadsheet:SearchPerMinute", "1");
    }
}

public sealed class ApiRateLimitTests(TightSearchLimitFactory app) : IClassFixture<TightSearchLimitFactory>
{
    [Fact]
    public async Task The_apis_429_is_json_with_a_retry_after()
    {
        var client = app.NewClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.GetAsync(new Uri("/api/v1/search?q=%E5%85%AC%E5%9B%AD", UriKind.Relative));
        }

        using (last)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
            Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":429", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("60", last.Headers.GetValues("Retry-After").Single());
        }
    }
}

/// <summary>The desk's pages run no inline script or handler the policy does not name by hash.</summary>
public sealed class DeskContentSecurityPolicyTests(ReviewDeskFactory app) : IClassFixture<ReviewDeskFactory>
{
    [Theory]
    [InlineData("/desk")]
    [InlineData("/desk/binjiang")]
    [InlineData("/desk/binjiang/2026-11-02")]
    [InlineData("/desk/binjiang/2026-11-02/01")]
    [InlineData("/desk/binjiang/upload")]
    public async Task Every_inline_script_and_handler_is_allowed_by_hash_and_framing_is_refused(string url)
    {
        var desk = await app.SignInAsync(ReviewDeskFactory.Editor);

        using var response = await desk.Http.GetAsync(new Uri(url, UriKind.Relative));
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("frame-ancestors 'none'", HostileRequestTests.Directive(policy, "frame-ancestors"));
        var handlers = new HtmlParser().ParseDocument(html).QuerySelectorAll("*")
            .SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => a.Value));
        foreach (var code in HostileRequestTests.InlineScripts(html).Concat(handlers))
        {
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(code)))}'", HostileRequestTests.Directive(policy, "script-src"), StringComparison.Ordinal);
        }
    }
}
