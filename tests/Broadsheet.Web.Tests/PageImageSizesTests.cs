using System.Net;
using Broadsheet.Web.Tests.Fixtures;

namespace Broadsheet.Web.Tests;

/// <summary>The page image's sizes as the page view offers them, against the files an import makes.</summary>
public sealed class PageImageSizesTests(SecondPassAppFactory app) : IClassFixture<SecondPassAppFactory>
{
    private const string Images = "/media/" + SecondPassAppFactory.ImagesKey;

    [Fact]
    public async Task Dense_screens_get_the_large_jpeg_from_either_source_and_every_offered_file_exists()
    {
        var client = app.NewClient();
        var doc = await client.GetDocumentAsync("/binjiang/2026-11-02/01");

        var picture = doc.QuerySelector(".page-sheet picture")!;
        var webp = picture.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset");
        var jpeg = picture.QuerySelector("img.page-image")!.GetAttribute("srcset");
        Assert.Equal($"{Images}/page.webp 1200w, {Images}/large.jpg 2000w", webp);
        Assert.Equal($"{Images}/page.jpg 1200w, {Images}/large.jpg 2000w", jpeg);
        foreach (var url in new[] { webp, jpeg }.SelectMany(s => s!.Split(", ")).Select(c => c.Split(' ')[0]).Distinct())
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
    }
}
