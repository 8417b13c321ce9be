using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Archives.Sites;

/// <summary>What an old address of the site showed: a page view, an article page, or a page's PDF or image file.</summary>
internal enum SiteLinkKind
{
    Page,
    Article,
    PagePdf,
    PageImage,
}

/// <summary>An old address of the site and where it is now: a page, the n-th article on a page, or that page's PDF or image.</summary>
internal sealed record SiteLink(string OldPath, string Label, SiteLinkKind Kind, int? N = null);

/// <summary>An article as the site gives it: its page, and its hotspots on every page view that has them.</summary>
internal sealed record SiteArticle(string Content, IReadOnlyList<(int Page, IReadOnlyList<NormalisedPoint> Outline)> Regions);

/// <summary>
/// One edition of a site mirror as the importer takes it: its page views read, its articles gathered from their
/// hotspots (an article's hotspots on every page it is printed on; the site's areas for one article, several where it
/// is not a rectangle, are its regions), and the package written as Founder's export is (<see cref="Founder.FounderPackage"/>):
/// the page files and an <c>edition.json</c> with every article, its text from its page and its regions, so the import
/// job runs no detection on these pages.
/// </summary>
internal sealed class SitePackage
{
    private SitePackage(SiteEdition edition, IReadOnlyList<NodePage> pages, IReadOnlyList<SiteArticle> articles)
    {
        Edition = edition;
        Pages = pages;
        Articles = articles;
    }

    public SiteEdition Edition { get; }

    /// <summary>The page views, in page order.</summary>
    public IReadOnlyList<NodePage> Pages { get; }

    /// <summary>The articles in the edition's reading order: by the first page they are on, then as that page's map lists them.</summary>
    public IReadOnlyList<SiteArticle> Articles { get; }

    /// <exception cref="ImportException">A page view is broken, two give one page label, or there are none; the message names the file.</exception>
    public static SitePackage Read(SiteMirror mirror, SiteEdition edition)
    {
        var pages = edition.NodeFiles.Select((f, i) => NodePage.Read(mirror, f, i + 1)).OfType<NodePage>().ToList();
        if (pages.Count == 0)
        {
            throw new ImportException($"{mirror.Name(edition.Folder)}: no page view among its node pages (none shows a page image with an image map)");
        }

        foreach (var clash in pages.GroupBy(p => p.Label, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = clash.Select(p => mirror.Name(p.File)).Order(StringComparer.Ordinal).ToArray();
            throw new ImportException($"{names[1]}: page {clash.Key} is also {names[0]}; each page may appear once");
        }

        pages = [.. pages.OrderBy(p => p.Label, Comparer<string>.Create(PageFileName.CompareLabels))];
        var articles = new List<(string Content, List<(int, IReadOnlyList<NormalisedPoint>)> Regions)>();
        var byContent = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var hotspot in pages[p].Hotspots)
            {
                if (!byContent.TryGetValue(hotspot.Content, out var a))
                {
                    byContent[hotspot.Content] = a = articles.Count;
                    articles.Add((hotspot.Content, []));
                }

                articles[a].Regions.Add((p, hotspot.Outline));
            }
        }

        return new SitePackage(edition, pages, [.. articles.Select(a => new SiteArticle(a.Content, a.Regions))]);
    }

    /// <summary>
    /// Where each old page view and article page leads now. An article's number on its page follows the reader's one
    /// rule (<see cref="ArticleHomes"/>): the page it is first printed on, its place among that page's articles in
    /// reading order, which is the order the package gives them in.
    /// </summary>
    public IReadOnlyList<SiteLink> Links(SiteMirror mirror)
    {
        var links = Pages.Select(p => new SiteLink(mirror.OldPath(p.File), p.Label, SiteLinkKind.Page)).ToList();
        foreach (var article in Articles)
        {
            var home = article.Regions.Min(r => r.Page);
            var n = Articles.TakeWhile(a => !ReferenceEquals(a, article)).Count(a => a.Regions.Any(r => r.Page == home)) + 1;
            links.Add(new SiteLink(mirror.OldPath(article.Content), Pages[home].Label, SiteLinkKind.Article, n));
        }

        // The page files people linked to or saved (the PDF download, the page image): the page's own PDF and image now.
        foreach (var page in Pages)
        {
            if (page.Pdf is not null)
            {
                links.Add(new SiteLink(mirror.OldPath(page.Pdf), page.Label, SiteLinkKind.PagePdf));
            }

            links.Add(new SiteLink(mirror.OldPath(page.Image), page.Label, SiteLinkKind.PageImage));
        }

        // A file two page views share (a site's placeholder image) is no one page's: left out rather than a coin toss.
        var shared = links.GroupBy(l => l.OldPath, StringComparer.Ordinal).Where(g => g.Select(l => (l.Label, l.Kind, l.N)).Distinct().Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. links.Where(l => !shared.Contains(l.OldPath)).DistinctBy(l => l.OldPath, StringComparer.Ordinal)];
    }

    /// <summary>Reads every article page and writes the package into <paramref name="staging"/>; returns its folder.</summary>
    /// <exception cref="ImportException">An article page is missing or has neither title nor text; the message names it.</exception>
    public string Stage(SiteMirror mirror, string staging, CancellationToken cancellationToken)
    {
        var contents = new List<ContentPage>();
        foreach (var article in Articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            contents.Add(ContentPage.Read(mirror, article.Content));
        }

        var folder = Path.Combine(staging, Edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in Pages)
        {
            // The site's own file name, so the import's messages name the file the site has; the label first when two pages share one.
            var file = Path.GetFileName(page.PageFile);
            if (!taken.Add(file))
            {
                file = page.Label + "-" + file;
                taken.Add(file);
            }

            File.Copy(page.PageFile, Path.Combine(folder, file));
            files.Add(file);
        }

        File.WriteAllBytes(Path.Combine(folder, EditionManifest.FileName), Manifest(files, contents));
        return folder;
    }

    private byte[] Manifest(IReadOnlyList<string> files, IReadOnlyList<ContentPage> contents)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("date", Edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("pages");
            for (var p = 0; p < Pages.Count; p++)
            {
                json.WriteStartObject();
                json.WriteString("label", Pages[p].Label);
                if (Pages[p].Name.Length > 0)
                {
                    json.WriteString("name", Pages[p].Name);
                }

                json.WriteString("file", files[p]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("articles");
            for (var a = 0; a < Articles.Count; a++)
            {
                WriteArticle(json, Articles[a], contents[a]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private void WriteArticle(Utf8JsonWriter json, SiteArticle article, ContentPage content) =>
        // An article page with no text but a title is how these sites give a photo with its caption.
        ManifestArticleJson.Write(
            json,
            content.Paragraphs.Count == 0 ? "photoNews" : "story",
            content.Kicker,
            content.Headline,
            content.Subheadline,
            content.Byline,
            content.Paragraphs,
            article.Regions.Select(r => (Pages[r.Page].Label, r.Outline.Select(p => (p.X, p.Y)))));
}
