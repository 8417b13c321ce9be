using System.Globalization;
using System.Text;
using System.Xml;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Reader;

/// <summary>
/// <c>/sitemap.xml</c>, a sitemap index with one sitemap per publication and month
/// (<c>/sitemaps/{publication}/{yyyy}-{MM}.xml</c>) listing its pages and articles: a month holds a few
/// thousand URLs, far below the 50,000 a sitemap may have, whatever the archive's length.
/// </summary>
internal static class SitemapEndpoints
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/sitemap.xml", [HttpMethods.Get, HttpMethods.Head], IndexAsync).ExcludeFromDescription();
        app.MapMethods("/sitemaps/{publication:slug}/{month:regex(^\\d{{4}}-\\d{{2}}\\.xml$)}", [HttpMethods.Get, HttpMethods.Head], MonthAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IndexAsync(HttpContext context, PublishedEditions editions, CancellationToken cancellationToken)
    {
        context.Features.Get<ReaderPageCacheFeature>()?.Tags.Add(PageCacheInvalidation.SitemapTag);
        var months = await editions.MonthsAsync(cancellationToken);
        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            foreach (var (slug, year, month) in months)
            {
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, ReaderMeta.Absolute(context.Request,
                    string.Create(CultureInfo.InvariantCulture, $"/sitemaps/{slug}/{year:0000}-{month:00}.xml")));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private static async Task<IResult> MonthAsync(
        string publication, string month, HttpContext context, PublishedEditions editions, CancellationToken cancellationToken)
    {
        var year = int.Parse(month.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var number = int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (year < 1000 || number is < 1 or > 12)
        {
            return Results.NotFound();
        }

        ReaderCaching.TagPublication(context, publication);
        var views = await editions.EditionsOfMonthAsync(publication, year, number, cancellationToken);
        if (views.Count == 0)
        {
            return Results.NotFound();
        }

        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var edition in views)
            {
                var modified = (edition.Edition.PublishedAt ?? edition.Edition.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var page in edition.Pages)
                {
                    Url(writer, ReaderMeta.Absolute(context.Request, page.Url), modified);
                }

                foreach (var article in edition.ReadingOrder)
                {
                    Url(writer, ReaderMeta.Absolute(context.Request, article.Url), modified);
                }
            }

            writer.WriteEndElement();
        });
    }

    private static void Url(XmlWriter writer, string location, string modified)
    {
        writer.WriteStartElement("url", Namespace);
        writer.WriteElementString("loc", Namespace, location);
        writer.WriteElementString("lastmod", Namespace, modified);
        writer.WriteEndElement();
    }

    private static IResult Xml(Action<XmlWriter> write)
    {
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = false, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        // StringBuilder output declares UTF-16; the bytes sent are UTF-8.
        return Results.Text(output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml", Encoding.UTF8);
    }
}
