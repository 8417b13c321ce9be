using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

public sealed class MediaTests(ReaderAppFactory app) : IClassFixture<ReaderAppFactory>
{
    private const string Immutable = "public, max-age=31536000, immutable";

    [Fact]
    public async Task Page_image_is_served_byte_for_byte_as_png_and_cacheable_for_good()
    {
        var key = app.Seeded.ImageKeys["01"];
        await using var stored = (await app.Services.GetRequiredService<IBlobStore>().OpenReadAsync(key))!;
        using var expected = new MemoryStream();
        await stored.CopyToAsync(expected);

        using var response = await app.NewClient().GetAsync(new Uri("/media/" + key, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Immutable, string.Join(", ", response.Headers.GetValues("Cache-Control")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(expected.ToArray(), bytes);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public async Task Pdf_is_served_as_pdf_and_supports_ranges()
    {
        var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/media/" + app.Seeded.PdfKey, UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(0, 7);

        using var whole = await client.GetAsync(new Uri("/media/" + app.Seeded.PdfKey, UriKind.Relative));
        using var part = await client.SendAsync(request);

        Assert.Equal("application/pdf", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestEdition.PdfText, await whole.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("%PDF-1.4", await part.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_answers_with_the_headers_only()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/media/" + app.Seeded.PdfKey, UriKind.Relative));

        using var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestEdition.PdfText.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Missing_blob_is_404_and_not_cached()
    {
        using var response = await app.NewClient().GetAsync(new Uri("/media/pages/00/0000.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Cache-Control", out var values) && values.Contains(Immutable));
    }

    [Theory]
    [InlineData("/media/../broadsheet.db")]
    [InlineData("/media/pages/../../broadsheet.db")]
    [InlineData("/media/pages/%2e%2e/%2e%2e/broadsheet.db")]
    [InlineData("/media/..%2fbroadsheet.db")]
    [InlineData("/media/.hidden")]
    [InlineData("/media/pages%5c..%5c..%5cbroadsheet.db")]
    public async Task Keys_that_climb_out_of_the_blob_folder_are_refused(string path)
    {
        // Handed to the app as written, the way a server that does not normalise dot segments would.
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = PathString.FromUriComponent(path);
        });
        var status = (HttpStatusCode)context.Response.StatusCode;
        using var reader = new StreamReader(context.Response.Body, Encoding.Latin1);
        var body = await reader.ReadToEndAsync();

        Assert.True(status is HttpStatusCode.BadRequest, $"{path}: {(int)status}");
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
    }
}
