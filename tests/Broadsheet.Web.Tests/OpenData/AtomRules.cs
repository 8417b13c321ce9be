using System.Globalization;
using System.Xml.Linq;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>The rules of RFC 4287 a feed reader relies on, checked on a feed as served.</summary>
internal static class AtomRules
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Parses the feed (it must be well-formed XML) and checks it; returns its entries.</summary>
    public static IReadOnlyList<XElement> Feed(string xml)
    {
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        AbsoluteIri(One(feed, "id"));
        Assert.False(string.IsNullOrWhiteSpace(One(feed, "title")));
        Time(One(feed, "updated"));
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        AbsoluteIri((string)self.Attribute("href")!);
        // At most one alternate link per type and language (section 4.1.1).
        Assert.Equal(
            feed.Elements(Atom + "link").Count(l => (string?)l.Attribute("rel") is null or "alternate"),
            feed.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") is null or "alternate").Select(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang"))).Distinct().Count());
        var feedAuthor = feed.Elements(Atom + "author").Any();
        var entries = feed.Elements(Atom + "entry").ToList();
        foreach (var entry in entries)
        {
            AbsoluteIri(One(entry, "id"));
            Assert.False(string.IsNullOrWhiteSpace(One(entry, "title")));
            Time(One(entry, "updated"));
            Assert.True(feedAuthor || entry.Elements(Atom + "author").Any(), "an entry needs an author when its feed has none (4.1.1)");
            Assert.All(entry.Elements(Atom + "author"), a => Assert.False(string.IsNullOrWhiteSpace((string?)a.Element(Atom + "name"))));
            // Without content, an entry must link to where it is read (4.1.2).
            Assert.True(entry.Element(Atom + "content") is not null || entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"));
            Assert.All(entry.Elements(Atom + "link"), l => AbsoluteIri((string)l.Attribute("href")!));
        }

        Assert.Equal(entries.Count, entries.Select(e => (string)e.Element(Atom + "id")!).Distinct(StringComparer.Ordinal).Count());
        return entries;
    }

    public static string Alternate(XElement entry) =>
        (string)entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!;

    private static string One(XElement parent, string name) => Assert.Single(parent.Elements(Atom + name)).Value;

    private static void AbsoluteIri(string value) =>
        Assert.True(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.ToString().StartsWith(OpenDataAppFactory.PublicUrl + "/", StringComparison.Ordinal), $"'{value}' is not an absolute IRI at the public origin");

    /// <summary>An RFC 3339 date-time, as section 3.3 requires.</summary>
    private static void Time(string value) =>
        Assert.True(DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:sszzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"'{value}' is not an RFC 3339 date-time");
}
