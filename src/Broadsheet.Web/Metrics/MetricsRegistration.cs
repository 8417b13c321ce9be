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
        app.Use(async (context, next) =>
        {
            var status = StatusCodes.Status500InternalServerError;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                metrics.Request(RouteClasses.Of(context.Request.Path), status);
            }
        });
        // Anyone else asking for /metrics goes on down the pipeline, to the reader's 404.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path.Equals(Path, StringComparison.Ordinal) && MayScrape(context, options));
        return app;
    }

    internal static bool MayScrape(HttpContext context, MetricsOptions options) =>
        options.AllowRemote
        || (!context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("X-Original-For")
            // X-Original-For is what ASP.NET Core's forwarded-headers middleware leaves of it. A Unix socket has no remote address: it is on this machine.
            && (context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address)));
}
