using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>Cached reader pages go to each browser in the smallest coding it accepts, from the first reader on.</summary>
public sealed class CompressionTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    private const string Url = "/binjiang/2026-11-02/01";

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.2", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task The_same_page_comes_in_the_coding_the_browser_prefers(string? acceptEncoding, string? expected)
    {
        var client = app.NewClient();
        var identity = await client.GetByteArrayAsync(new Uri(Url, UriKind.Relative));
        app.Services.GetRequiredService<ReaderPageStore>().Evict(PageCacheInvalidation.PublicationTag("binjiang"));

        using var miss = await GetAsync(client, acceptEncoding);
        using var hit = await GetAsync(client, acceptEncoding);

        foreach (var response in new[] { miss, hit })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            if (expected is null)
            {
                Assert.Empty(response.Content.Headers.ContentEncoding);
                Assert.Equal(identity, body);
                Assert.False(response.Headers.ETag!.IsWeak);
            }
            else
            {
                Assert.Equal([expected], response.Content.Headers.ContentEncoding);
                Assert.Equal(Encoding.UTF8.GetString(identity), Encoding.UTF8.GetString(ContentCoding.Decode(body, expected)));
                Assert.True(body.Length * 3 < identity.Length, $"{expected}: {body.Length} bytes of {identity.Length}");
                Assert.True(response.Headers.ETag!.IsWeak);
            }
        }
    }

    [Fact]
    public async Task A_compressed_copy_revalidates_with_its_own_tag()
    {
        var client = app.NewClient();
        using var first = await GetAsync(client, "br");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br");
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await client.SendAsync(request);

        Assert.True(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public void Small_bodies_and_binary_types_are_kept_as_they_are()
    {
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>新闻</p>", 200)));

        Assert.NotNull(CompressedBodies.For(html, "text/html; charset=utf-8"));
        Assert.Null(CompressedBodies.For(html[..500], "text/html; charset=utf-8"));
        Assert.Null(CompressedBodies.For(html, "image/webp"));
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return client.SendAsync(request);
    }
}
