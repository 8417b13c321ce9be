namespace Broadsheet.Web.Hosting;

/// <summary>
/// First in the pipeline: methods a path does not serve get a 405 before anything else sees them (a TRACE on a
/// reader page used to reach a page handler and end in a 500), and every response says how it may be used: no
/// MIME sniffing, and a Content-Security-Policy that allows scripts only from this site (and the reader's and the
/// desk's few inline snippets, by hash), no plugins, no base-URL or form-target tricks, and no framing of the desk.
/// </summary>
internal static class HttpHardening
{
    /// <summary>
    /// The reader layout's inline script that applies the remembered text size before the first paint. Its hash must
    /// change with it: <c>ContentSecurityPolicyTests</c> renders the pages and fails on any inline script not allowed.
    /// </summary>
    private const string ReaderInline = "'sha256-mo9bYn12LzqXvsbYvdr7PLTk+lfBWui8pAsHrYr/cNg='";

    /// <summary>The desk edition page's confirmation before a withdrawal (an inline <c>onsubmit</c>).</summary>
    private const string DeskInline = "'unsafe-hashes' 'sha256-/41SYfNqbuIsX1VQ7M+hyHSYcGxk5WvNlLENItBhOC4='";

    // Inline style attributes carry computed geometry (page aspect ratios, photo crops), never user text.
    private const string Common = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'";

    public const string ReaderPolicy = Common + "; script-src 'self' " + ReaderInline;

    public const string DeskPolicy = Common + "; script-src 'self' " + DeskInline + "; frame-ancestors 'none'";

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            var desk = request.Path.StartsWithSegments("/desk", StringComparison.OrdinalIgnoreCase);
            var method = request.Method;
            // The desk edits (POST, PUT, DELETE of articles and photos); a reader only reports a problem with an article.
            var allowed = HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                || (desk && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method)))
                || (HttpMethods.IsPost(method) && IsReaderReport(request.Path));
            var headers = context.Response.Headers;
            if (!allowed)
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                headers.Allow = desk ? "GET, HEAD, POST, PUT, DELETE" : IsReaderReport(request.Path) ? "GET, HEAD, POST" : "GET, HEAD";
                return Task.CompletedTask;
            }

            headers.XContentTypeOptions = "nosniff";
            // Page PDFs and images are not documents with scripts of their own; a policy there would only get in the
            // way of the browser's PDF viewer.
            if (!request.Path.StartsWithSegments("/media", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = desk ? DeskPolicy : ReaderPolicy;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>A reader's "report a problem" form (…/{page}/{n}/report) is the one public page that takes a POST.</summary>
    private static bool IsReaderReport(PathString path) =>
        path.Value is { } value && value.EndsWith("/report", StringComparison.Ordinal);
}
