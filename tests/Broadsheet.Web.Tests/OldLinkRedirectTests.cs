using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Archives.Sites;
using Broadsheet.TestKit.Sites;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>The application after <c>migrate-site</c> imported a generated two-edition mirror of an old e-paper site.</summary>
public sealed class MigratedSiteAppFactory : ReaderAppFactory
{
    private static readonly DateOnly First = new(2015, 3, 8);
    private static readonly DateOnly Second = new(2015, 3, 9);

    protected override bool Seed => false;

    internal GeneratedMirror Mirror { get; private set; } = null!;

    internal SiteResult Migrated { get; private set; } = null!;

    protected override async Task AfterSeedAsync()
    {
        await Services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        var folder = Path.Combine(Path.GetTempPath(), "broadsheet-web-tests", "mirror-" + Guid.NewGuid().ToString("N"));
        try
        {
            Mirror = SiteMirrorWriter.Write(folder, [(First, SiteMarkup.FounderElements), (Second, SiteMarkup.EnpProperty)]);
            Migrated = await Services.GetRequiredService<SiteMigrator>().MigrateAsync(folder, "binjiang");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            Directory.Delete(folder + "-samples", recursive: true);
        }
    }
}

public sealed class OldLinkRedirectTests(MigratedSiteAppFactory app) : IClassFixture<MigratedSiteAppFactory>
{
    [Fact]
    public void The_mirror_went_in_whole()
    {
        Assert.Empty(app.Migrated.Refused);
        Assert.Equal((2, app.Mirror.Pages.Count, app.Mirror.Articles.Count), (app.Migrated.Imported, app.Migrated.Pages, app.Migrated.Articles));
    }

    [Fact]
    public async Task An_old_article_address_answers_301_to_the_permalink_that_shows_that_article()
    {
        using var client = app.NewClient();
        foreach (var article in app.Mirror.Articles)
        {
            using var old = await client.GetAsync(new Uri(article.OldPath, UriKind.Relative));

            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            var target = old.Headers.Location!.OriginalString;
            Assert.StartsWith($"/binjiang/{article.Date:yyyy-MM-dd}/", target, StringComparison.Ordinal);
            Assert.Matches(@"^/binjiang/\d{4}-\d{2}-\d{2}/\w+/\d+$", target);

            using var now = await client.GetAsync(new Uri(target, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, now.StatusCode);
            var html = WebUtility.HtmlDecode(await now.Content.ReadAsStringAsync());
            Assert.Contains(article.Truth.Headline, html, StringComparison.Ordinal);
            if (article.Truth.Paragraphs.Count > 0)
            {
                Assert.Contains(article.Truth.Paragraphs[0], html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_old_page_view_answers_301_to_the_page_and_HEAD_is_answered_too()
    {
        using var client = app.NewClient();
        var page = app.Mirror.Pages[^1];

        using var old = await client.GetAsync(new Uri(page.OldPath, UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(page.OldPath, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"/binjiang/{page.Date:yyyy-MM-dd}/{page.Label}"), old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, head.StatusCode);
        using var now = await client.GetAsync(old.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
    }

    [Fact]
    public async Task An_old_page_pdf_or_page_image_answers_301_to_that_pages_pdf_or_image_now()
    {
        using var client = app.NewClient();
        foreach (var page in app.Mirror.Pages)
        {
            var edition = await client.GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture, $"/api/v1/publications/binjiang/editions/{page.Date:yyyy-MM-dd}"));
            var now = edition.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("label").GetString() == page.Label);

            using var pdf = await client.GetAsync(new Uri(page.PdfPath, UriKind.Relative));
            using var image = await client.GetAsync(new Uri(page.ImagePath, UriKind.Relative));

            Assert.Equal((HttpStatusCode.MovedPermanently, HttpStatusCode.MovedPermanently), (pdf.StatusCode, image.StatusCode));
            Assert.Equal(now.GetProperty("pdfUrl").GetString(), pdf.Headers.Location!.OriginalString);
            Assert.Equal(now.GetProperty("imageUrl").GetString(), image.Headers.Location!.OriginalString);
            using var file = await client.GetAsync(pdf.Headers.Location);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await file.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
            using var picture = await client.GetAsync(image.Headers.Location);
            Assert.Equal("image/jpeg", picture.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("/html/2015-03/08/content_1.htm")]
    [InlineData("/html/2015-03/10/node_2.htm")]
    [InlineData("/html/2015-03/08/CONTENT_10001.HTM")]
    public async Task An_address_the_old_site_did_not_have_is_not_found(string path)
    {
        using var client = app.NewClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
