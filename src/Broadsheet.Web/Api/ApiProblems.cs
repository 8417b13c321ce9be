namespace Broadsheet.Web.Api;

/// <summary>
/// Every error under <c>/api</c> is an RFC 9457 problem (<c>application/problem+json</c>), never the reader's HTML
/// error page: the endpoints' own 404s and 503s already are; this covers what fails before an endpoint runs (a
/// parameter that does not parse, a 400), a failure behind an endpoint (a 500), and any other error that left no body.
/// </summary>
internal static partial class ApiProblems
{
    /// <summary>
    /// Goes after the reader's status code pages, so it answers first on the way out and they find a body already
    /// written for the API's errors.
    /// </summary>
    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ApiRegistration.Prefix, StringComparison.Ordinal),
            branch => branch.Use(static async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (BadHttpRequestException e) when (!context.Response.HasStarted)
                {
                    // Thrown where RouteHandlerOptions.ThrowOnBadRequest is on (Development); its message names the
                    // parameter and the value, e.g. Failed to bind parameter "int? number" from "two".
                    await WriteAsync(context, e.StatusCode, e.Message);
                    return;
                }
                catch (Exception e) when (e is not BadHttpRequestException && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
                {
                    // A failure behind the API (the database unreachable, a bug) is a 500 problem like any other error
                    // here, not an empty answer; what failed goes to the log, not to the client.
                    Failed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems)), e, context.Request.Path);
                    context.Response.Clear();
                    await WriteAsync(context, StatusCodes.Status500InternalServerError, "The server failed to answer; try again later.");
                    return;
                }

                var response = context.Response;
                if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && response.ContentType is null)
                {
                    await WriteAsync(context, response.StatusCode, response.StatusCode == StatusCodes.Status400BadRequest
                        ? "A parameter of the request has the wrong form; the API document (/api/v1/openapi.json) gives each one's type."
                        : null);
                }
            }));
        return app;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An API request for {Path} failed")]
    private static partial void Failed(ILogger logger, Exception exception, string path);

    /// <summary>Writes a problem with the standard title of <paramref name="status"/> and a sentence saying what went wrong.</summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TypedResults.Problem(detail, statusCode: status).ExecuteAsync(context);
    }
}
