using System.Net;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader;

namespace Broadsheet.Web.OpenData.Feeds;

/// <summary>
/// Atom feeds of published editions: <c>/{slug}/feed.atom</c> (an entry per edition when it is published, with its
/// front page and headlines) and <c>/{slug}/pages/{name}.atom</c> (an entry per article of the pages of that name
/// or section). Both are reader pages to the page cache, dropped when the paper publishes or changes.
/// </summary>
internal static class AtomFeeds
{
    /// <summary>How many of the newest editions a feed covers.</summary>
    public const int Editions = 20;

    private const int MaxArticles = 100;

    public static IEndpointRouteBuilder MapAtomFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{publication:slug}/feed.atom", [HttpMethods.Get, HttpMethods.Head], PublicationAsync).ExcludeFromDescription();
        app.MapMethods("/{publication:slug}/pages/{name}.atom", [HttpMethods.Get, HttpMethods.Head], PagesAsync).ExcludeFromDescription();
        app.MapSearchFeed();
        return app;
    }

    private static async Task<IResult> PublicationAsync(string publication, HttpContext context, PublishedEditions editions, CancellationToken cancellationToken)
    {
        if (await editions.FindPublicationAsync(publication, cancellationToken) is not { } paper)
        {
            return Results.NotFound();
        }

        ReaderCaching.TagPublication(context, publication);
        var entries = new List<AtomEntry>();
        foreach (var edition in await NewestAsync(publication, editions, cancellationToken))
        {
            var link = Absolute(context, edition.FirstPage?.Url ?? edition.Url);
            var image = edition.FirstPage is { } front ? front.Variant("page", "jpg") ?? front.ImageUrl : null;
            var day = ReaderUrls.Segment(edition.Date, edition.Number);
            var title = edition.Edition.IssueNumber is { } issue ? $"{paper.Name} {day} ({issue})" : $"{paper.Name} {day}";
            entries.Add(new AtomEntry(EditionId(context, edition), title, Updated(edition), link)
            {
                Published = edition.Edition.PublishedAt,
                Image = image is null ? null : Absolute(context, image),
                Summary = string.Join(" · ", edition.ReadingOrder.Select(a => a.Article.DisplayTitle).Where(t => t.Length > 0).Take(12)),
                Html = EditionHtml(context, edition, link, image),
            });
        }

        var self = Absolute(context, FeedUrls.Publication(publication));
        return AtomWriter.Result(context, new AtomFeed(self, paper.Name, self, Absolute(context, ReaderUrls.Publication(publication)), paper.Language, entries)
        {
            Author = paper.Name,
        });
    }

    private static async Task<IResult> PagesAsync(string publication, string name, HttpContext context, PublishedEditions editions, CancellationToken cancellationToken)
    {
        if (await editions.FindPublicationAsync(publication, cancellationToken) is not { } paper)
        {
            return Results.NotFound();
        }

        ReaderCaching.TagPublication(context, publication);
        var entries = new List<AtomEntry>();
        foreach (var edition in await NewestAsync(publication, editions, cancellationToken))
        {
            foreach (var page in edition.Pages.Where(p => Named(p.Page, name)))
            {
                // An article continued onto this page is listed where it starts.
                foreach (var item in page.Articles.Where(a => ReferenceEquals(edition.Home(a.Article), a)))
                {
                    var link = Absolute(context, item.Url);
                    entries.Add(new AtomEntry(link, Title(item), Updated(edition), link)
                    {
                        Published = edition.Edition.PublishedAt,
                        Author = string.IsNullOrWhiteSpace(item.Article.Byline) ? null : item.Article.Byline,
                        Summary = ReaderMeta.Excerpt(item.Article.Paragraphs, 200),
                    });
                }
            }
        }

        if (entries.Count == 0 && !await AnyPageNamedAsync(publication, name, editions, cancellationToken))
        {
            return Results.NotFound();
        }

        var self = Absolute(context, FeedUrls.Pages(publication, name));
        return AtomWriter.Result(context, new AtomFeed(self, $"{paper.Name} · {name}", self, Absolute(context, ReaderUrls.Publication(publication)), paper.Language, [.. entries.Take(MaxArticles)])
        {
            Author = paper.Name,
        });
    }

    /// <summary>Whether a page of the newest edition has that name; a feed for a name no page has is a 404, not an empty feed.</summary>
    private static async Task<bool> AnyPageNamedAsync(string slug, string name, PublishedEditions editions, CancellationToken cancellationToken) =>
        await editions.LatestAsync(slug, null, cancellationToken) is { } latest
        && await editions.FindAsync(slug, latest.Date, latest.Number, cancellationToken) is { } edition
        && edition.Pages.Any(p => Named(p.Page, name));

    private static bool Named(Page page, string name) =>
        string.Equals(page.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(page.Section, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The newest published editions, whole, newest first.</summary>
    public static async Task<IReadOnlyList<EditionView>> NewestAsync(string slug, PublishedEditions editions, CancellationToken cancellationToken)
    {
        var found = new List<EditionView>();
        foreach (var listed in (await editions.ListAsync(slug, cancellationToken)).Take(Editions))
        {
            if (await editions.FindAsync(slug, listed.Date, listed.Number, cancellationToken) is { } edition)
            {
                found.Add(edition);
            }
        }

        return found;
    }

    /// <summary>When an edition last changed for its readers: a desk correction after publishing counts.</summary>
    public static DateTimeOffset Updated(EditionView edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var published = edition.Edition.PublishedAt ?? edition.Edition.CreatedAt;
        return edition.Edition.ChangedAt is { } changed && changed > published ? changed : published;
    }

    // The id a later edition's entry has had since before it had reader pages of its own (the day's URL and #n): an
    // entry's id never changes.
    private static string EditionId(HttpContext context, EditionView edition) =>
        Absolute(context, ReaderUrls.Edition(edition.Slug, edition.Date)) + (edition.Edition.Number == 1 ? "" : "#" + edition.Edition.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Title(ArticleOnPage item) =>
        string.IsNullOrWhiteSpace(item.Article.DisplayTitle) ? PageTitles.Of(item.Page) : item.Article.DisplayTitle;

    /// <summary>The front page as an image linking to it, then the edition's headlines, each linking to its article.</summary>
    private static string EditionHtml(HttpContext context, EditionView edition, string link, string? image)
    {
        var html = new StringBuilder();
        if (image is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\"><img src=\"").Append(WebUtility.HtmlEncode(Absolute(context, image)))
                .Append("\" alt=\"").Append(WebUtility.HtmlEncode(PageTitles.Of(edition.FirstPage!.Page))).Append("\"></a></p>");
        }

        foreach (var page in edition.Pages.Where(p => p.Articles.Any(a => ReferenceEquals(edition.Home(a.Article), a))))
        {
            html.Append("<h3>").Append(WebUtility.HtmlEncode(PageTitles.Of(page.Page))).Append("</h3><ul>");
            foreach (var item in page.Articles.Where(a => ReferenceEquals(edition.Home(a.Article), a)))
            {
                html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(Absolute(context, item.Url))).Append("\">")
                    .Append(WebUtility.HtmlEncode(Title(item))).Append("</a></li>");
            }

            html.Append("</ul>");
        }

        return html.ToString();
    }

    private static string Absolute(HttpContext context, string path) => ReaderMeta.Absolute(context.Request, path);
}
