using System.Globalization;
using System.Text;
using System.Xml;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Published;
using Broadsheet.Web.Reader.Localization;

namespace Broadsheet.Web.Reader;

/// <summary><c>/{publication}/corrections.atom</c>: the corrections page as an Atom feed, for readers' feed readers and other newsrooms.</summary>
internal static class CorrectionsFeed
{
    public static IEndpointRouteBuilder MapCorrectionsFeed(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{publication:slug}/corrections.atom", [HttpMethods.Get, HttpMethods.Head], FeedAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(
        string publication, HttpContext context, PublishedEditions editions, PublishedCorrections corrections, ReaderLocalizer text, CancellationToken cancellationToken)
    {
        if (await editions.FindPublicationAsync(publication, cancellationToken) is not { } paper)
        {
            return Results.NotFound();
        }

        ReaderCaching.TagPublication(context, publication);
        var list = await corrections.LatestAsync(publication, CorrectionsViewModel.Listed, cancellationToken);
        var self = ReaderMeta.Absolute(context.Request, ReaderUrls.CorrectionsFeed(publication));
        var page = ReaderMeta.Absolute(context.Request, ReaderUrls.Corrections(publication));
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("xml", "lang", null, paper.Language);
            xml.WriteElementString("id", page);
            xml.WriteElementString("title", text["CorrectionsFeed", paper.Name]);
            xml.WriteElementString("updated", Atom(list.Count > 0 ? list[0].CorrectedAt : DateTimeOffset.UnixEpoch));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", page, "text/html");
            xml.WriteStartElement("author");
            xml.WriteElementString("name", paper.Name);
            xml.WriteEndElement();
            foreach (var c in list)
            {
                var url = ReaderMeta.Absolute(context.Request, c.Article.Url);
                xml.WriteStartElement("entry");
                xml.WriteElementString("id", string.Create(CultureInfo.InvariantCulture, $"{url}#correction-{c.CorrectedAt.ToUnixTimeSeconds()}"));
                xml.WriteElementString("title", text["CorrectionEntryTitle", c.Article.Article.DisplayTitle]);
                xml.WriteElementString("updated", Atom(c.CorrectedAt));
                Link(xml, "alternate", url, "text/html");
                xml.WriteElementString("summary", text["CorrectionOf", text.LongDate(c.Edition.Date), text.PageTitle(c.Article.Page)]);
                xml.WriteStartElement("content");
                xml.WriteAttributeString("type", "html");
                xml.WriteString(c.Note);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares UTF-16; the feed goes out as UTF-8.
        var body = output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
        return Results.Text(body, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Atom(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
