using System.Net;
using System.Net.Http.Headers;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

public sealed class ConditionalRequestTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    [Theory]
    [InlineData("/binjiang/2026-11-02/01")]
    [InlineData("/binjiang/2026-11-02/02-03")]
    [InlineData("/binjiang/2026-11-02/01/2")]
    public async Task Reader_pages_carry_validators_and_answer_304_to_a_copy_that_is_still_good(string url)
    {
        var client = app.NewClient();

        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;
        using var byTag = await SendAsync(client, url, r => r.Headers.IfNoneMatch.Add(etag));
        using var byDate = await SendAsync(client, url, r => r.Headers.IfModifiedSince = modified);
        using var stale = await SendAsync(client, url, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("max-age=60", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 22, 0, 0, TimeSpan.Zero), modified);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(etag, stale.Headers.ETag);
    }

    [Fact]
    public async Task Made_up_query_strings_never_fill_the_page_cache()
    {
        var store = app.Services.GetRequiredService<ReaderPageStore>();
        var client = app.NewClient();
        using (await client.GetAsync(new Uri("/binjiang/2026-11-02/03", UriKind.Relative)))
        {
        }

        var kept = store.Count;
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(new Uri($"/binjiang/2026-11-02/03?utm_source=x{i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(kept, store.Count);
        // Without Broadsheet:PublicUrl the cache is keyed by origin and path (Hosting/PublicOrigin).
        Assert.True(store.TryGet("http://localhost/binjiang/2026-11-02/03", out _));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, Action<HttpRequestMessage> configure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure(request);
        return client.SendAsync(request);
    }
}

/// <summary>Pages stay cached until their publication changes, and then change at once.</summary>
public sealed class CacheInvalidationTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>
{
    [Fact]
    public async Task A_published_edition_shows_up_after_invalidation_and_not_before()
    {
        var client = app.NewClient();
        const string Url = "/binjiang/2026-11-02/01";
        var before = await client.GetDocumentAsync(Url);
        var etag = (await client.GetAsync(new Uri(Url, UriKind.Relative))).Headers.ETag;

        await Publish.EditionAsync(app.Services, new DateOnly(2026, 11, 5));
        var cached = await client.GetDocumentAsync(Url);
        await app.Services.GetRequiredService<IReaderCache>().InvalidateAsync("binjiang", new DateOnly(2026, 11, 5));
        using var after = await client.GetAsync(new Uri(Url, UriKind.Relative));
        var fresh = await client.GetDocumentAsync(Url);

        Assert.Null(before.QuerySelector("a.next-edition"));
        if (!TestDatabase.IsPostgres)
        {
            // On PostgreSQL the save itself may have dropped it already: the outbox's trigger notifies every node, this
            // one included, when the transaction commits (the several-nodes tests in Cli.Tests time that).
            Assert.Null(cached.QuerySelector("a.next-edition"));
        }

        Assert.Equal("/binjiang/2026-11-05/01", fresh.QuerySelector("a.next-edition")!.GetAttribute("href"));
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains(fresh.QuerySelectorAll("aside .calendar td.has-edition a"), a => a.GetAttribute("href") == "/binjiang/2026-11-05/01");
    }
}

/// <summary>An import by another process (here: the store used directly, with no call to the cache) is noticed by polling.</summary>
public sealed class CachePollingTests(PollingAppFactory app) : IClassFixture<PollingAppFactory>
{
    [Fact]
    public async Task An_edition_saved_without_telling_the_cache_appears_within_a_few_seconds()
    {
        var client = app.NewClient();
        const string Url = "/binjiang/2026-11-02/02";
        Assert.Null((await client.GetDocumentAsync(Url)).QuerySelector("a.next-edition"));

        await Publish.EditionAsync(app.Services, new DateOnly(2026, 11, 6));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? next = null;
        while (next is null && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(250);
            next = (await client.GetDocumentAsync(Url)).QuerySelector("a.next-edition")?.GetAttribute("href");
        }

        Assert.Equal("/binjiang/2026-11-06/01", next);
    }
}

internal static class Publish
{
    /// <summary>Saves and publishes a one-page edition of the test paper, as an import would.</summary>
    public static async Task EditionAsync(IServiceProvider services, DateOnly date)
    {
        var store = services.GetRequiredService<IEditionStore>();
        var publication = (await store.FindPublicationAsync(TestEdition.Slug))!;
        var edition = new Edition(publication, date);
        var front = edition.AddPage("01", "头版", new PageSize(842, 1191));
        edition.AddArticle(new ArticleContent { Headline = "新的一天", Paragraphs = ["新的一期。"] })
            .AddRegion(front, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        edition.Publish(new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero));
        await store.SaveEditionAsync(edition, replace: false);
    }
}
