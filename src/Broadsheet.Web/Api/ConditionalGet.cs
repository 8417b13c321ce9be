using System.Globalization;
using System.Text.Json;
using Broadsheet.Web.Caching;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Api;

/// <summary>
/// Validators and caching for the API's answers: the JSON is serialised once, its hash is the entity tag, and a
/// client whose <c>If-None-Match</c> names it gets a 304 without the body. A hash of what is sent (rather than of
/// the edition's stamp, as reader pages use) changes exactly when the answer does, for search results as for
/// editions, whatever changed it. Clients may reuse an answer as long as a reader page
/// (<see cref="ReaderCacheOptions.ClientSeconds"/>), so the API and the reader never disagree for longer than that.
/// </summary>
internal sealed class ConditionalGet(IOptions<JsonOptions> json, IOptions<ReaderCacheOptions> cache) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        // Results<Ok<T>, ProblemHttpResult> wraps the answer it chose.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is not IValueHttpResult { Value: { } value } || answer is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            return result;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
        var etag = EntityTags.Of(body);
        var http = context.HttpContext;
        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        var seconds = cache.Value.ClientSeconds;
        http.Response.Headers.CacheControl = seconds > 0 ? "public, max-age=" + seconds.ToString(CultureInfo.InvariantCulture) : "no-cache";
        if (EntityTags.AlreadyHas(http.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }
}

internal static class ConditionalGetRegistration
{
    /// <summary>Gives the endpoints an ETag, <c>Cache-Control</c> and 304s for <c>If-None-Match</c>, and says so in the API document.</summary>
    public static TBuilder WithConditionalGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter<TBuilder, ConditionalGet>();
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
        return builder;
    }
}
