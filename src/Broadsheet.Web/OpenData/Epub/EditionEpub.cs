using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.OpenData.Epub;

/// <summary>
/// A whole edition as EPUB 3 for e-readers: a chapter (XHTML) per page with the articles that start on it, in the
/// edition's reading order, each with its kicker, headline, subheadline, byline, paragraphs (sub-heads as sub-heads,
/// captions as captions) and its photos; a table of contents (nav) by page and headline. OCF as the specification
/// wants it: <c>mimetype</c> first and stored, then <c>META-INF/container.xml</c> naming the package document.
/// </summary>
internal static class EditionEpub
{
    public const string MediaType = "application/epub+zip";

    public static async Task<byte[]> WriteAsync(EditionView view, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var chapters = view.Pages
            .Select(page => (Page: page, Articles: view.ReadingOrder.Where(a => ReferenceEquals(a.Page, page.Page)).ToList()))
            .Where(c => c.Articles.Count > 0)
            .ToList();
        var photos = new List<(string Name, byte[] Bytes)>();
        var photoNames = new Dictionary<ArticleImage, string>(ReferenceEqualityComparer.Instance);
        foreach (var image in chapters.SelectMany(c => c.Articles).SelectMany(a => a.Article.Images))
        {
            if (image.PhotoKey is not { } key)
            {
                continue;
            }

            await using var stream = await blobs.OpenReadAsync(key + "/large.jpg", cancellationToken);
            if (stream is null)
            {
                continue;
            }

            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            var name = string.Create(CultureInfo.InvariantCulture, $"images/photo{photos.Count + 1}.jpg");
            photos.Add((name, copy.ToArray()));
            photoNames[image] = name;
        }

        // A seekable stream, so that every entry's sizes are in its local header (no data descriptors), as
        // OCF readers expect of the stored mimetype entry above all.
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            var at = view.Edition.PublishedAt ?? new DateTimeOffset(view.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Add(zip, "mimetype", MediaType, at, CompressionLevel.NoCompression);
            Add(zip, "META-INF/container.xml", Container, at);
            Add(zip, "OEBPS/content.opf", Package(view, chapters.Count, photos.Select(p => p.Name).ToList(), at), at);
            Add(zip, "OEBPS/nav.xhtml", Nav(view, chapters), at);
            Add(zip, "OEBPS/style.css", Style, at);
            for (var i = 0; i < chapters.Count; i++)
            {
                Add(zip, $"OEBPS/{Chapter(i)}", EpubChapter.Xhtml(view, chapters[i].Page, chapters[i].Articles, photoNames), at);
            }

            foreach (var (name, bytes) in photos)
            {
                var entry = zip.CreateEntry("OEBPS/" + name, CompressionLevel.NoCompression);
                entry.LastWriteTime = at;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>The file name a reader saves it as: <c>binjiang-2026-11-02.epub</c>.</summary>
    public static string FileName(EditionView view) => $"{view.Slug}-{view.Segment}.epub";

    public static string Url(EditionView view) => view.Url + "/edition.epub";

    internal static string Chapter(int index) => string.Create(CultureInfo.InvariantCulture, $"page{index + 1}.xhtml");

    private const string Container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>
        """;

    private const string Style = """
        body { font-family: serif; line-height: 1.6; }
        h1 { font-size: 1.2em; }
        .kicker, .subheadline { font-weight: normal; margin: 0.3em 0; }
        .byline { font-style: italic; }
        figure { margin: 1em 0; }
        img { max-width: 100%; }
        figcaption { font-size: 0.9em; }
        """;

    private static string Package(EditionView view, int chapters, IReadOnlyList<string> photos, DateTimeOffset at)
    {
        var title = E($"{view.Publication.Name} {ReaderUrls.Date(view.Date)}");
        var items = new StringBuilder();
        items.Append("    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
        items.Append("    <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n");
        var spine = new StringBuilder();
        for (var i = 0; i < chapters; i++)
        {
            items.Append(CultureInfo.InvariantCulture, $"    <item id=\"page{i + 1}\" href=\"{Chapter(i)}\" media-type=\"application/xhtml+xml\"/>\n");
            spine.Append(CultureInfo.InvariantCulture, $"    <itemref idref=\"page{i + 1}\"/>\n");
        }

        for (var i = 0; i < photos.Count; i++)
        {
            items.Append(CultureInfo.InvariantCulture, $"    <item id=\"photo{i + 1}\" href=\"{photos[i]}\" media-type=\"image/jpeg\"/>\n");
        }

        var modified = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="{E(view.Publication.Language)}">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="id">urn:broadsheet:{E(view.Slug)}:{ReaderUrls.Date(view.Date)}:{view.Edition.Number.ToString(CultureInfo.InvariantCulture)}</dc:identifier>
                <dc:title>{title}</dc:title>
                <dc:language>{E(view.Publication.Language)}</dc:language>
                <dc:publisher>{E(view.Publication.Name)}</dc:publisher>
                <dc:date>{ReaderUrls.Date(view.Date)}</dc:date>
                {(view.Publication.Licence is { } licence ? $"<dc:rights>{E(licence)}</dc:rights>" : "")}
                <meta property="dcterms:modified">{modified}</meta>
              </metadata>
              <manifest>
            {items}  </manifest>
              <spine>
            {spine}  </spine>
            </package>
            """;
    }

    private static string Nav(EditionView view, IReadOnlyList<(PageView Page, List<ArticleOnPage> Articles)> chapters)
    {
        var list = new StringBuilder();
        for (var i = 0; i < chapters.Count; i++)
        {
            list.Append(CultureInfo.InvariantCulture, $"      <li><a href=\"{Chapter(i)}\">{E(chapters[i].Page.Title)}</a>\n        <ol>\n");
            foreach (var item in chapters[i].Articles)
            {
                list.Append(CultureInfo.InvariantCulture, $"          <li><a href=\"{Chapter(i)}#{EpubChapter.Anchor(item)}\">{E(EpubChapter.Title(item.Article))}</a></li>\n");
            }

            list.Append("        </ol>\n      </li>\n");
        }

        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{E(view.Publication.Language)}" lang="{E(view.Publication.Language)}">
            <head><meta charset="utf-8"/><title>{E(view.Publication.Name)} {ReaderUrls.Date(view.Date)}</title></head>
            <body>
              <nav epub:type="toc" id="toc">
                <h1>{E(view.Publication.Name)} {ReaderUrls.Date(view.Date)}</h1>
                <ol>
            {list}    </ol>
              </nav>
            </body>
            </html>
            """;
    }

    private static void Add(ZipArchive zip, string name, string text, DateTimeOffset at, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = at;
        using var stream = entry.Open();
        stream.Write(new UTF8Encoding(false).GetBytes(text));
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
