using System.Net.Http.Headers;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>A client that has an answer already asking for it again, as a feed reader or a harvester polls.</summary>
internal static class Revalidation
{
    /// <summary>GETs <paramref name="url"/> naming <paramref name="etag"/> in <c>If-None-Match</c>.</summary>
    public static async Task<HttpResponseMessage> AskAgainAsync(this HttpClient client, string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
