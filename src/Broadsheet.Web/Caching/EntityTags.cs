using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Broadsheet.Web.Caching;

/// <summary>
/// Entity tags made from what is sent, and the 304 for a request that already has it: the API's answers, the feeds,
/// the IIIF documents and the API document all tag their bytes this way, so a poller's unchanged answer costs it a few
/// hundred bytes.
/// </summary>
internal static class EntityTags
{
    /// <summary>A strong tag: the first 20 hex digits of the body's SHA-256.</summary>
    public static EntityTagHeaderValue Of(ReadOnlySpan<byte> body) =>
        new("\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..20] + "\"");

    /// <summary>
    /// Whether the request's <c>If-None-Match</c> names <paramref name="etag"/> or is <c>*</c>. Compared weakly: a
    /// compressed answer goes out with the weak form of its tag (W/"…"), and a client sends back what it got.
    /// </summary>
    public static bool AlreadyHas(HttpRequest request, EntityTagHeaderValue etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
    }

    /// <summary>The body with its tag, or a 304 without it when the request names the tag already.</summary>
    public static IResult Answer(HttpContext context, byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(context);
        var etag = Of(body);
        context.Response.GetTypedHeaders().ETag = etag;
        return AlreadyHas(context.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, contentType);
    }
}
