using System.Text;
using System.Text.Json;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Broadsheet.Web.Hosting;

/// <summary>
/// <c>GET /health/live</c> answers 200 while the process serves requests; <c>GET /health/ready</c> answers 200 when the
/// database, the blob store and the search index are usable and 503 naming the one that is not, for a load balancer
/// to take a node out of rotation. Both as JSON, never cached.
/// </summary>
internal static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddBroadsheetHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<BlobStoreCheck>("blobs", tags: [Ready])
            .AddCheck<SearchIndexCheck>("search", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapBroadsheetHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), Encoding.UTF8);
    }

    /// <summary>The database answers and is migrated.</summary>
    private sealed class DatabaseCheck(DatabaseMigrator database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await database.ProblemAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
    }

    /// <summary>
    /// A small blob can be written, read back and deleted: the store's folder (or share) is there and writable. The store is
    /// asked for here rather than injected, because opening it can fail too (its folder gone before first use).
    /// </summary>
    private sealed class BlobStoreCheck(IServiceProvider services) : IHealthCheck
    {
        private static readonly byte[] Probe = "ready"u8.ToArray();

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var key = "health/" + Guid.NewGuid().ToString("N");
            IBlobStore? blobs = null;
            try
            {
                blobs = services.GetRequiredService<IBlobStore>();
                await blobs.PutAsync(key, new MemoryStream(Probe), cancellationToken);
                await using var read = await blobs.OpenReadAsync(key, cancellationToken);
                if (read is null)
                {
                    return HealthCheckResult.Unhealthy("A blob just written cannot be read back.");
                }

                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return HealthCheckResult.Unhealthy("The blob store cannot be written: " + e.Message);
            }
            finally
            {
                if (blobs is not null)
                {
                    await DeleteQuietlyAsync(blobs, key);
                }
            }
        }

        private static async Task DeleteQuietlyAsync(IBlobStore blobs, string key)
        {
            try
            {
                await blobs.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The write failed too, and said so.
            }
        }
    }

    /// <summary>
    /// The index opens for searching; while it is rebuilt, searches answer from what it holds, so the node is degraded, not
    /// out. The index is asked for here rather than injected, because opening it can fail (its folder holds other files),
    /// and that failure is the answer, not an error of the health endpoint.
    /// </summary>
    private sealed class SearchIndexCheck(IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var index = services.GetRequiredService<SearchIndex>();
                var documents = index.DocumentCount;
                return Task.FromResult(index.IsRebuilding
                    ? HealthCheckResult.Degraded($"The index is being rebuilt; it holds {documents} articles meanwhile.")
                    : HealthCheckResult.Healthy($"{documents} articles."));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The search index cannot be read: " + e.Message));
            }
        }
    }
}
