using System.Net;
using System.Text.Json.Nodes;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Api;

/// <summary>
/// The OpenAPI document at /api/v1/openapi.json against the running API: it lists every route the app maps under
/// /api, and real answers (and the document's own examples) match its schemas, so a response that changes shape
/// without the document fails here.
/// </summary>
public sealed class ApiContractTests(SearchAppFactory app) : IClassFixture<SearchAppFactory>
{
    private const string Editions = "/api/v1/publications/{slug}/editions";
    private const string Edition = "/api/v1/publications/{slug}/editions/{date}";
    private const string PageText = "/api/v1/publications/{slug}/editions/{date}/pages/{label}";
    private const string Search = "/api/v1/search";
    private const string Text = "/api/v1/publications/{slug}/editions/{date}/text";
    private const string Alto = "/api/v1/publications/{slug}/editions/{date}/alto";
    private const string Year = "/api/v1/publications/{slug}/years/{year}.zip";

    /// <summary>Routes under /api that are not operations: the not-found fallback, the document and its reference page.</summary>
    private static readonly string[] NotOperations = ["/api/{**path}", "/api/{documentName}/openapi.json"];

    [Fact]
    public async Task The_document_is_openapi_3_1_and_lists_every_api_route_the_app_maps()
    {
        var contract = await ContractAsync();

        Assert.StartsWith("3.1", contract.Document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal)
                && !NotOperations.Contains(raw) && !raw.StartsWith("/api/v1/reference", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Path: e.RoutePattern.RawText!, Method: m)))
            .ToList();
        var documented = contract.Paths.SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key.ToUpperInvariant()))).ToList();

        Assert.Equal([Editions, Edition, Alto, PageText, Text, Year, Search], mapped.Select(r => r.Path).Distinct().Order(StringComparer.Ordinal));
        // Every GET is documented, and every GET also answers HEAD (the document says so once, in its description).
        Assert.Equal(mapped.Where(r => r.Method == "GET").Order(), documented.Order());
        Assert.Equal(mapped.Where(r => r.Method == "GET").Select(r => r.Path).Order(), mapped.Where(r => r.Method == "HEAD").Select(r => r.Path).Order());
        Assert.Contains("HEAD", contract.Document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_of_every_operation_is_typed_and_has_an_example_that_matches_its_schema()
    {
        var contract = await ContractAsync();

        foreach (var (path, item) in contract.Paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrEmpty(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
                foreach (var (status, response) in operation["responses"]!.AsObject())
                {
                    Assert.False(string.IsNullOrEmpty(response!["description"]?.GetValue<string>()), $"{method} {path} {status} has no description");
                    if (status == "304")
                    {
                        continue;
                    }

                    Assert.True(status != "200" || response["headers"]?["ETag"] is not null, $"{method} {path} 200 does not say it has an ETag");

                    var (mediaType, media) = Assert.Single(response["content"]!.AsObject());
                    var answer = path switch { Alto => "application/alto+xml", Year => "application/zip", _ => "application/json" };
                    Assert.Equal(status == "200" ? answer : "application/problem+json", mediaType);
                    Assert.NotNull(media!["schema"]);
                    if (path == Year && status == "200")
                    {
                        continue; // a zip is described, not shown
                    }

                    var example = media["example"] ?? throw new Xunit.Sdk.XunitException($"{method} {path} {status} has no example");
                    Assert.Empty(contract.Validate(media["schema"]!, example));
                }

                Assert.True(operation["responses"]!.AsObject().ContainsKey("304"), $"{method} {path} does not say it answers If-None-Match");
            }
        }
    }

    [Theory]
    [InlineData(Editions, "/api/v1/publications/binjiang/editions")]
    [InlineData(Edition, "/api/v1/publications/binjiang/editions/2026-11-02")]
    [InlineData(Edition, "/api/v1/publications/binjiang/editions/2026-11-01")]
    [InlineData(Edition, "/api/v1/publications/binjiang/editions/2026-11-02?number=1")]
    [InlineData(PageText, "/api/v1/publications/binjiang/editions/2026-11-02/pages/01")]
    [InlineData(Search, "/api/v1/search?q=%E5%85%AC%E5%9B%AD")]
    [InlineData(Text, "/api/v1/publications/binjiang/editions/2026-11-02/text")]
    [InlineData(Search, "/api/v1/search?q=%E5%85%AC%E5%9B%AD&sort=newest&size=1")]
    public async Task Real_answers_match_the_documents_schema(string path, string url)
    {
        var contract = await ContractAsync();
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(contract.Validate(path, "get", 200, "application/json", body));
    }

    [Theory]
    [InlineData(Editions, "/api/v1/publications/nosuchpaper/editions", 404)]
    [InlineData(Edition, "/api/v1/publications/binjiang/editions/2026-11-03", 404)]
    [InlineData(Edition, "/api/v1/publications/binjiang/editions/2026-11-02?number=two", 400)]
    [InlineData(PageText, "/api/v1/publications/binjiang/editions/2026-11-02/pages/09", 404)]
    public async Task Errors_are_the_problems_the_document_lists(string path, string url, int status)
    {
        var contract = await ContractAsync();
        using var response = await app.NewClient().GetAsync(new Uri(url, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(contract.Validate(path, "get", status, "application/problem+json", body));
    }

    [Fact]
    public async Task A_response_of_another_shape_fails_the_contract()
    {
        var contract = await ContractAsync();
        using var response = await app.NewClient().GetAsync(new Uri("/api/v1/publications/binjiang/editions", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["publication"]!["founded"] = 1949;
        var renamed = JsonNode.Parse(body.ToJsonString().Replace("\"issueNumber\"", "\"issue\"", StringComparison.Ordinal));
        var retyped = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        retyped["editions"]![0]!["number"] = "1";

        Assert.NotEmpty(contract.Validate(Editions, "get", 200, "application/json", body));
        Assert.NotEmpty(contract.Validate(Editions, "get", 200, "application/json", renamed));
        Assert.NotEmpty(contract.Validate(Editions, "get", 200, "application/json", retyped));
    }

    [Fact]
    public async Task The_document_names_no_host_from_the_request()
    {
        var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/openapi.json", UriKind.Relative));
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);

        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<ApiContract> ContractAsync()
    {
        using var response = await app.NewClient().GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return new ApiContract(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}

/// <summary>The rate limiter's 429 is the problem the document lists for the search.</summary>
public sealed class ApiRateLimitContractTests(TightSearchLimitFactory app) : IClassFixture<TightSearchLimitFactory>
{
    [Fact]
    public async Task The_rate_limiters_429_matches_the_documents_problem()
    {
        var client = app.NewClient();
        var contract = new ApiContract(JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/openapi.json", UriKind.Relative)))!.AsObject());
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
            Assert.Empty(contract.Validate("/api/v1/search", "get", 429, "application/problem+json", JsonNode.Parse(await last.Content.ReadAsStringAsync())));
        }
    }
}

/// <summary>With a public URL configured, the document's server is that URL.</summary>
public sealed class ApiDocumentServerTests(OpenData.OpenDataAppFactory app) : IClassFixture<OpenData.OpenDataAppFactory>
{
    [Fact]
    public async Task The_documents_server_is_the_sites_public_url_whatever_the_host()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/openapi.json", UriKind.Relative));
        request.Headers.Host = "evil.example";
        using var response = await app.NewClient().SendAsync(request);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(OpenData.OpenDataAppFactory.PublicUrl, Assert.Single(document["servers"]!.AsArray())!["url"]!.GetValue<string>());
    }
}
