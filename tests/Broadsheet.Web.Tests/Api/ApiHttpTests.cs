using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests.Api;

/// <summary>What a client of the API sees at the HTTP level: validators and 304s, problem details for errors, and CORS.</summary>
public sealed class ApiHttpTests(SearchAppFactory app) : IClassFixture<SearchAppFactory>
{
    [Theory]
    [InlineData("/api/v1/publications/binjiang/editions")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02/pages/01")]
    [InlineData("/api/v1/search?q=%E5%85%AC%E5%9B%AD")]
    public async Task An_answer_has_an_etag_and_asking_again_with_it_gets_a_304_without_the_body(string url)
    {
        var client = app.NewClient();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var etag = first.Headers.ETag;

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag!);
        using var notModified = await client.SendAsync(again);
        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"somethingelse\""));
        using var modified = await client.SendAsync(other);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await modified.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_document_has_an_etag_too_and_asking_again_with_it_gets_a_304()
    {
        var client = app.NewClient();
        var url = new Uri("/api/v1/openapi.json", UriKind.Relative);
        using var first = await client.GetAsync(url);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"somethingelse\""));
        using var modified = await client.SendAsync(other);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.StartsWith("3.1", JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await modified.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Different_answers_have_different_etags_and_head_has_gets_etag()
    {
        var client = app.NewClient();
        using var newer = await client.GetAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02", UriKind.Relative));
        using var older = await client.GetAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-01", UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/api/v1/publications/binjiang/editions/2026-11-02", UriKind.Relative)));

        Assert.NotEqual(newer.Headers.ETag, older.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(newer.Headers.ETag, head.Headers.ETag);
    }

    [Fact]
    public async Task A_compressed_answers_weak_etag_also_gets_a_304()
    {
        var client = app.NewClient();
        var url = new Uri("/api/v1/publications/binjiang/editions/2026-11-02", UriKind.Relative);
        using var gzip = new HttpRequestMessage(HttpMethod.Get, url);
        gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var compressed = await client.SendAsync(gzip);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        again.Headers.IfNoneMatch.Add(compressed.Headers.ETag!);
        using var notModified = await client.SendAsync(again);

        Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("two")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_parameter_of_the_wrong_form_is_a_400_problem_naming_it(string number)
    {
        using var response = await app.NewClient().GetAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02?number=" + number, UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains($"'{number}' is not an edition number", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/publications/binjiang/editions")]
    [InlineData("POST", "/api/v1/search")]
    [InlineData("PUT", "/api/v1/nothing-here")]
    public async Task A_method_the_api_does_not_serve_is_a_405_problem(string method, string url)
    {
        using var response = await app.NewClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(405, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(method, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02")]
    [InlineData("/api/v1/search?q=x")]
    [InlineData("/iiif/binjiang")]
    [InlineData("/iiif/binjiang/2026-11-02/manifest")]
    [InlineData("/binjiang/feed.atom")]
    [InlineData("/search/feed?q=x")]
    public async Task A_cors_preflight_on_open_data_gets_a_204_allowing_any_site_to_get_it(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(url, UriKind.Relative));
        request.Headers.Add("Origin", "https://viewer.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal("if-none-match", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.True(response.Headers.Contains("Access-Control-Max-Age"));
    }

    [Fact]
    public async Task A_cross_origin_get_can_read_the_answer_and_its_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/publications/binjiang/editions", UriKind.Relative));
        request.Headers.Add("Origin", "https://viewer.example");
        using var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_from_the_page_cache_is_readable_by_any_site_too()
    {
        var client = app.NewClient();
        using var first = await client.GetAsync(new Uri("/binjiang/feed.atom", UriKind.Relative));
        using var cached = await client.GetAsync(new Uri("/binjiang/feed.atom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await cached.Content.ReadAsStringAsync());
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("*", cached.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("/binjiang/2026-11-02/01")]
    [InlineData("/desk/api/imports/x")]
    public async Task Reader_pages_and_the_desk_still_refuse_options(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(url, UriKind.Relative));
        request.Headers.Add("Origin", "https://viewer.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        using var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
