using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Broadsheet.Web.Tests.Fixtures;

internal static class Html
{
    /// <summary>GETs an HTML page, checks its status, and parses it.</summary>
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: {(int)response.StatusCode}, expected {(int)expected}\n{body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return new HtmlParser().ParseDocument(body);
    }

    public static string Text(this IElement element) => element.TextContent.Trim();

    public static IEnumerable<string> Texts(this IEnumerable<IElement> elements) => elements.Select(Text);
}
