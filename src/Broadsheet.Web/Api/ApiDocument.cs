using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Broadsheet.Web.Api;

/// <summary>
/// The API's OpenAPI 3.1 document, generated from the endpoints at <see cref="DocumentUrl"/>, and its reference
/// page (Scalar, served from the package's own files: nothing is fetched from elsewhere) at <see cref="ReferenceUrl"/>.
/// </summary>
internal static partial class ApiDocument
{
    public const string DocumentName = "v1";
    public const string DocumentUrl = "/api/v1/openapi.json";
    public const string ReferenceUrl = "/api/v1/reference";

    private const string Description =
        "Published editions of the papers on this site: their pages, articles (text, photos, where each is printed) "
        + "and search. Read-only and open: every GET also answers HEAD, any site may read it (CORS), answers carry an "
        + "ETag and a 304 answers If-None-Match, and errors are RFC 9457 problem details (application/problem+json). "
        + "Search is rate-limited per client address (429 with Retry-After). Drafts, scheduled and withdrawn editions "
        + "do not exist here, as for the reader.";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // The public API only: the desk's endpoints and the reader's redirects are no part of it.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo { Title = "Broadsheet API", Version = DocumentName, Description = Description };
                // Relative to wherever the document was read from, unless the site's public address is configured: the
                // request's Host never gets into it (issue 18 item 3).
                var origin = context.ApplicationServices.GetRequiredService<PublicOrigin>();
                document.Servers = [new OpenApiServer { Url = origin.Prefix ?? "/" }];
                DropHeadOperations(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(ApiDocumentOperations.TransformAsync);
            options.AddSchemaTransformer(ApiDocumentOperations.TransformSchemaAsync);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json").AddEndpointFilter(DocumentValidatorsAsync);
        // No fonts from Scalar's servers, no telemetry, no AI agent or MCP, no developer bar (which offers Scalar's
        // services): the page talks to this site only.
        app.MapScalarApiReference(ReferenceUrl, options => options
            .WithTitle("Broadsheet API")
            .WithOpenApiRoutePattern("/api/{documentName}/openapi.json")
            .AddDocument(DocumentName)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools())
            .AddEndpointFilter(static async (context, next) =>
            {
                var result = await next(context);
                if (result is IContentTypeHttpResult { ContentType: { } type } and ContentHttpResult { ResponseContent: { } html }
                    && type.StartsWith("text/html", StringComparison.Ordinal))
                {
                    context.HttpContext.Response.Headers.ContentSecurityPolicy = ReferencePolicy(html);
                }

                return result;
            });
        return app;
    }

    /// <summary>
    /// The document's ETag, as every other answer under /api has one, and a 304 for an If-None-Match that names it:
    /// a client generator or a mirror polls it, and it changes only with a new build or another public address.
    /// The framework writes the document straight to the response, so it is written into memory first (tens of
    /// kilobytes) to hash it.
    /// </summary>
    private static async ValueTask<object?> DocumentValidatorsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var response = context.HttpContext.Response;
        var sent = response.Body;
        using var written = new MemoryStream();
        response.Body = written;
        object? result;
        try
        {
            result = await next(context);
        }
        finally
        {
            response.Body = sent;
        }

        if (response.StatusCode == StatusCodes.Status200OK && written.Length > 0)
        {
            var etag = EntityTags.Of(written.GetBuffer().AsSpan(0, (int)written.Length));
            response.GetTypedHeaders().ETag = etag;
            response.Headers.CacheControl = "no-cache";
            if (EntityTags.AlreadyHas(context.HttpContext.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                return result;
            }
        }

        written.Position = 0;
        await written.CopyToAsync(sent, context.HttpContext.RequestAborted);
        return result;
    }

    /// <summary>
    /// The reader's policy, plus the hashes of the page's own inline scripts (Scalar starts itself with one, which
    /// carries the page's path, so it is hashed as served rather than written down here).
    /// </summary>
    private static string ReferencePolicy(string html)
    {
        var hashes = InlineScript().Matches(html)
            .Select(m => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value))) + "'");
        // script-src is the reader policy's last directive, so the hashes join it.
        return HttpHardening.ReaderPolicy + " " + string.Join(' ', hashes);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    /// <summary>HEAD is GET without the body (RFC 9110) and says so in the description; listing it twice would only double the page.</summary>
    private static void DropHeadOperations(OpenApiDocument document)
    {
        foreach (var path in document.Paths.Values)
        {
            path.Operations?.Remove(HttpMethod.Head);
        }
    }
}
