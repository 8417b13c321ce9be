using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>
/// A whole edition as EPUB 3, checked against OCF's and the package document's rules as an e-reader relies on
/// them: mimetype first, stored, without extra fields; container.xml naming the OPF; every manifest item present,
/// the spine over the manifest, a nav document; the text in reading order, the photos inside.
/// </summary>
public sealed class EpubTests(OpenDataAppFactory app) : IClassFixture<OpenDataAppFactory>
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";

    [Fact]
    public async Task The_edition_is_an_epub_with_its_articles_in_reading_order_and_its_photos()
    {
        using var response = await app.NewClient().GetAsync(new Uri("/tidewater/2026-07-04/edition.epub", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/epub+zip", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // OCF: the first local file header is "mimetype", stored (method 0), no extra field, its content exact.
        Assert.Equal(0x04034b50u, BitConverter.ToUInt32(bytes, 0));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 8));
        var nameLength = BitConverter.ToUInt16(bytes, 26);
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 28));
        Assert.Equal("mimetype", Encoding.ASCII.GetString(bytes, 30, nameLength));
        Assert.Equal("application/epub+zip", Encoding.ASCII.GetString(bytes, 30 + nameLength, "application/epub+zip".Length));

        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        var container = Load(zip, "META-INF/container.xml");
        XNamespace ocf = "urn:oasis:names:tc:opendocument:xmlns:container";
        var opfPath = container.Descendants(ocf + "rootfile").Single().Attribute("full-path")!.Value;
        var package = Load(zip, opfPath);
        var root = package.Root!;
        Assert.Equal(Opf + "package", root.Name);
        Assert.Equal("3.0", root.Attribute("version")!.Value);
        var metadata = root.Element(Opf + "metadata")!;
        var identifier = metadata.Elements(Dc + "identifier").Single(i => i.Attribute("id")?.Value == root.Attribute("unique-identifier")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(identifier.Value));
        Assert.Equal("The Tidewater Gazette 2026-07-04", metadata.Element(Dc + "title")!.Value);
        Assert.Equal("en", metadata.Element(Dc + "language")!.Value);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", metadata.Elements(Opf + "meta").Single(m => m.Attribute("property")?.Value == "dcterms:modified").Value);
        Assert.Equal(OpenDataAppFactory.Licence, metadata.Element(Dc + "rights")!.Value);

        var folder = opfPath[..(opfPath.LastIndexOf('/') + 1)];
        var items = root.Element(Opf + "manifest")!.Elements(Opf + "item").ToDictionary(i => i.Attribute("id")!.Value);
        Assert.All(items.Values, item => Assert.NotNull(zip.GetEntry(folder + item.Attribute("href")!.Value)));
        var nav = Assert.Single(items.Values, i => i.Attribute("properties")?.Value == "nav");
        Assert.NotNull(Load(zip, folder + nav.Attribute("href")!.Value).Descendants(Xhtml + "nav").SingleOrDefault(n => n.Attribute(Ops + "type")?.Value == "toc"));
        var spine = root.Element(Opf + "spine")!.Elements(Opf + "itemref").Select(r => items[r.Attribute("idref")!.Value]).ToList();
        Assert.NotEmpty(spine);
        Assert.All(spine, i => Assert.Equal("application/xhtml+xml", i.Attribute("media-type")!.Value));

        // The text in spine order: both stories, tide first, their paragraphs; the photo inside and shown.
        var chapters = spine.Select(i => Load(zip, folder + i.Attribute("href")!.Value)).ToList();
        var headlines = chapters.SelectMany(c => c.Descendants(Xhtml + "h2")).Select(h => h.Value).ToList();
        Assert.Equal([OpenDataAppFactory.TideHeadline, "Ferry timetable changes"], headlines);
        Assert.Contains(OpenDataAppFactory.TideParagraph, chapters.SelectMany(c => c.Descendants(Xhtml + "p")).Select(p => p.Value));
        var image = chapters.SelectMany(c => c.Descendants(Xhtml + "img")).Single();
        var photo = zip.GetEntry(folder + image.Attribute("src")!.Value);
        Assert.NotNull(photo);
        Assert.Contains(items.Values, i => i.Attribute("media-type")!.Value == "image/jpeg" && folder + i.Attribute("href")!.Value == photo.FullName);
        Assert.Contains(OpenDataAppFactory.PhotoCaption, chapters.SelectMany(c => c.Descendants(Xhtml + "figcaption")).Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_has_no_epub_and_the_page_view_links_it()
    {
        using var draft = await app.NewClient().GetAsync(new Uri("/tidewater/2026-07-05/edition.epub", UriKind.Relative));
        var page = await app.NewClient().GetStringAsync(new Uri("/tidewater/2026-07-04/01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Contains("href=\"/tidewater/2026-07-04/edition.epub\"", page, StringComparison.Ordinal);
    }

    private static XDocument Load(ZipArchive zip, string name)
    {
        using var stream = (zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is missing")).Open();
        return XDocument.Load(stream);
    }
}
