using System.Globalization;
using System.Text;
using System.Xml;

namespace Broadsheet.Web.OpenData.Feeds;

/// <summary>An entry of an Atom feed (RFC 4287): an id that never changes, a title, when it last changed, and where it is read.</summary>
internal sealed record AtomEntry(string Id, string Title, DateTimeOffset Updated, string Link)
{
    public DateTimeOffset? Published { get; init; }

    /// <summary>Who wrote it; left out when the feed's own author stands for every entry.</summary>
    public string? Author { get; init; }

    public string? Summary { get; init; }

    /// <summary>HTML, escaped into the feed as <c>type="html"</c> content.</summary>
    public string? Html { get; init; }

    /// <summary>An image of it (a front page), linked as an enclosure.</summary>
    public string? Image { get; init; }
}

/// <summary>The feed itself; <see cref="Author"/> is required unless every entry names its own.</summary>
internal sealed record AtomFeed(string Id, string Title, string Self, string Alternate, string? Language, IReadOnlyList<AtomEntry> Entries)
{
    public string? Author { get; init; }
}

/// <summary>Writes an <see cref="AtomFeed"/> as UTF-8 XML with the Atom media type.</summary>
internal static class AtomWriter
{
    public const string MediaType = "application/atom+xml";

    /// <summary>
    /// The feed with an entity tag (a hash of its bytes), or a 304 when the request's <c>If-None-Match</c> names it:
    /// feed readers poll, and an unchanged feed then costs them a few hundred bytes. The page cache keeps the tag
    /// with a feed it holds and answers the 304s itself.
    /// </summary>
    public static IResult Result(HttpContext context, AtomFeed feed)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Caching.EntityTags.Answer(context, Encoding.UTF8.GetBytes(Write(feed)), MediaType + "; charset=utf-8");
    }

    public static string Write(AtomFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            if (feed.Language is not null)
            {
                xml.WriteAttributeString("xml", "lang", null, feed.Language);
            }
            xml.WriteElementString("id", feed.Id);
            xml.WriteElementString("title", feed.Title);
            // A feed with no entries yet changed at the epoch: nothing in it is newer than that.
            xml.WriteElementString("updated", Time(feed.Entries.Count > 0 ? feed.Entries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch));
            Link(xml, "self", feed.Self, MediaType);
            Link(xml, "alternate", feed.Alternate, "text/html");
            if (feed.Author is not null)
            {
                Author(xml, feed.Author);
            }

            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry");
                xml.WriteElementString("id", entry.Id);
                xml.WriteElementString("title", entry.Title);
                xml.WriteElementString("updated", Time(entry.Updated));
                if (entry.Published is { } published)
                {
                    xml.WriteElementString("published", Time(published));
                }

                if (entry.Author is not null)
                {
                    Author(xml, entry.Author);
                }

                Link(xml, "alternate", entry.Link, "text/html");
                if (entry.Image is not null)
                {
                    Link(xml, "enclosure", entry.Image, "image/jpeg");
                }

                if (entry.Summary is not null)
                {
                    xml.WriteElementString("summary", entry.Summary);
                }

                if (entry.Html is not null)
                {
                    xml.WriteStartElement("content");
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(entry.Html);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares UTF-16; the feed goes out as UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Author(XmlWriter xml, string name)
    {
        xml.WriteStartElement("author");
        xml.WriteElementString("name", name);
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
