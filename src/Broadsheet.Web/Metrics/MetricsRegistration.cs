using System.Net;
using OpenTelemetry.Metrics;

namespace Broadsheet.Web.Metrics;

/// <summary>
/// Metrics in Prometheus's text format at <c>GET /metrics</c>, through OpenTelemetry's Prometheus exporter: the
/// <see cref="BroadsheetMetrics"/> instruments, and a count of every request by <see cref="RouteClasses">route class</see>.
/// </summary>
internal static class MetricsRegistration
{
    public const string Path = "/metrics";

    public static IServiceCollection AddBroadsheetMetrics(this IServiceCollection services, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddMetrics();
        services.AddSingleton<BroadsheetMetrics>();
        if (options.Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(BroadsheetMetrics.MeterName)
                // Every scrape sees the figures as they are, not a copy kept for a few hundred milliseconds.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        return services;
    }

    /// <summary>First in the pipeline: counts every request, cached reader pages too, and answers <c>/metrics</c> to whom may scrape.</summary>
    public static IApplicationBuilder UseBroadsheetMetrics(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<MetricsOptions>();
        if (!options.Enabled)
        {
            return app;
        }

        var metrics = app.ApplicationServices.GetRequiredService<BroadsheetMetrics>();
        // Not an async lambda: a cached page is answered synchronously, and its request is counted without a state machine.
        app.Use((context, next) =>
        {
            Task answering;
            try
            {
                answering = next(context);
            }
            catch
            {
                metrics.Request(RouteClasses.IndexOf(context.Request.Path), StatusCodes.Status500InternalServerError);
                throw;
            }

            if (answering.IsCompletedSuccessfully)
            {
                metrics.Request(RouteClasses.IndexOf(context.Request.Path), context.Response.StatusCode);
                return answering;
            }

            return CountAsync(answering, context, metrics);
        });
        // Anyone else asking for /metrics goes on down the pipeline, to the reader's 404.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path.Equals(Path, StringComparison.Ordinal) && MayScrape(context, options));
        return app;
    }

    private static async Task CountAsync(Task answering, HttpContext context, BroadsheetMetrics metrics)
    {
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await answering;
            status = context.Response.StatusCode;
        }
        finally
        {
            metrics.Request(RouteClasses.IndexOf(context.Request.Path), status);
        }
    }

    internal static bool MayScrape(HttpContext context, MetricsOptions options) =>
        options.AllowRemote
        || (!context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("X-Original-For")
            // X-Original-For is what ASP.NET Core's forwarded-headers middleware leaves of it. A Unix socket has no remote address: it is on this machine.
            && (context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address)));
}
