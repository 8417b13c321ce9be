using Broadsheet.Web.OpenData.Export;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>
/// Where the static export writes what the app answers at a URL: a day's later edition apart from its first (a static
/// host drops the query), and a page's tiles once, where the IIIF image service serves them.
/// </summary>
public sealed class ExportPathsTests
{
    [Theory]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02", null, "/api/v1/publications/binjiang/editions/2026-11-02.json")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02", "?number=2", "/api/v1/publications/binjiang/editions/2026-11-02_2.json")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02", "?number=1", "/api/v1/publications/binjiang/editions/2026-11-02.json")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02/text", "?number=3", "/api/v1/publications/binjiang/editions/2026-11-02_3/text.json")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02/alto", "?x=1&number=2", "/api/v1/publications/binjiang/editions/2026-11-02_2/alto.xml")]
    [InlineData("/api/v1/publications/binjiang/editions/2026-11-02", "?number=two", "/api/v1/publications/binjiang/editions/2026-11-02.json")]
    [InlineData("/binjiang/2026-11-02/01", "?number=2", "/binjiang/2026-11-02/01/")]
    [InlineData("/iiif/binjiang/2026-11-02_2/manifest", null, "/iiif/binjiang/2026-11-02_2/manifest.json")]
    [InlineData("/media/pages/ab/ab12-2000/tiles/info.json", null, "/iiif/3/pages/ab/ab12-2000/info.json")]
    [InlineData("/media/pages/ab/ab12-2000/tiles/0,0,512,512/512,/0/default.jpg", null, "/iiif/3/pages/ab/ab12-2000/0,0,512,512/512,/0/default.jpg")]
    [InlineData("/media/pages/ab/ab12-2000/large.jpg", null, "/media/pages/ab/ab12-2000/large.jpg")]
    [InlineData("/media/pages/ab/ab12-2000/photos/3/tiles.jpg", null, "/media/pages/ab/ab12-2000/photos/3/tiles.jpg")]
    public void A_url_is_written_where_its_export_link_leads(string path, string? query, string link) =>
        Assert.Equal(link, ExportPaths.Link(ExportPaths.Fetched(path, query)));

    [Fact]
    public void A_later_edition_s_api_document_is_a_file_of_its_own()
    {
        var first = ExportPaths.File(ExportPaths.Fetched("/api/v1/publications/binjiang/editions/2026-11-02", null));
        var second = ExportPaths.File(ExportPaths.Fetched("/api/v1/publications/binjiang/editions/2026-11-02", "?number=2"));

        Assert.Equal("api/v1/publications/binjiang/editions/2026-11-02_2.json", second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void An_api_edition_document_leads_to_its_text_and_alto_with_its_number()
    {
        const string editions = "/api/v1/publications/binjiang/editions/";

        Assert.Equal([editions + "2026-11-02/text", editions + "2026-11-02/alto"], ExportPaths.EditionData(editions + "2026-11-02"));
        Assert.Equal([editions + "2026-11-02/text?number=2", editions + "2026-11-02/alto?number=2"], ExportPaths.EditionData(editions + "2026-11-02?number=2"));
        Assert.Equal(["api/v1/publications/binjiang/editions/2026-11-02_2/text.json", "api/v1/publications/binjiang/editions/2026-11-02_2/alto.xml"],
            ExportPaths.EditionData(editions + "2026-11-02?number=2").Select(ExportPaths.File));
        Assert.Empty(ExportPaths.EditionData(editions + "2026-11-02/text"));
        Assert.Empty(ExportPaths.EditionData("/binjiang/2026-11-02/01"));
    }
}
