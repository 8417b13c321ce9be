using Broadsheet.Core;
using Broadsheet.Data;
using Broadsheet.Web.Api;
using Broadsheet.Web.Hosting;
using Broadsheet.Web.Media;
using Broadsheet.Web.Metrics;
using Broadsheet.Web.OpenData;
using Broadsheet.Web.OpenData.Export;
using Broadsheet.Web.Published;
using Broadsheet.Imaging;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Desk;
using Broadsheet.Web.Reader;
using Broadsheet.Web.Reader.Localization;
using Broadsheet.Web.Search;

namespace Broadsheet.Web;

/// <summary>Composes the web application: the reader, search, the JSON API and the media endpoint over one data folder.</summary>
public static class BroadsheetWebHost
{
    /// <summary>
    /// Builds the application from command-line style <paramref name="args"/>, e.g.
    /// <c>--Broadsheet:Data=/srv/paper --urls=http://127.0.0.1:5000</c>. The database is migrated when the
    /// application starts, before it accepts requests.
    /// </summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Another entry assembly (the `broadsheet` command) hosts this app too; pages and assets are found
            // through this assembly's name, not the entry assembly's.
            ApplicationName = typeof(BroadsheetWebHost).Assembly.GetName().Name,
        });

        // Per-request and per-statement lines at Information would drown what an operator needs to see.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting writes only per-request lines (Information) under this category, but while any level of it is on
        // it starts an Activity and a logging scope for every request, which a page served from memory does not
        // need. Unhandled exceptions are still logged, by Kestrel.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Naming the server software tells an attacker more than it tells a reader, and costs bytes on every response.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var options = builder.AddBroadsheetWebOptions();
        builder.Services.AddPublicOrigin(options.PublicUrl, builder.Configuration);
        builder.UseInlineServing(options.InlineServing);
        NativeHeap.CapArenas();
        NativeHeap.MapLargeBlocks();
        NativeHeap.KeepTrimming();
        var folder = new DataFolder(options.Data, options.Database, options.Index);
        builder.Services.AddBroadsheetData(folder);
        builder.Services.AddDataProtection().KeepKeysWithDatabase(folder);
        builder.Services.AddHostedService<MigrateDatabaseOnStart>();
        if (options.SweepBlobsOnStart)
        {
            builder.Services.AddHostedService<SweepOrphanBlobsOnStart>();
        }

        builder.Services.AddPublishedEditions();
        builder.Services.AddBroadsheetImaging();
        builder.Services.AddBroadsheetReader();
        builder.Services.AddMedia();
        builder.Services.AddBroadsheetApi();
        builder.Services.AddOpenData();
        builder.Services.AddStaticExportFollower(builder.Configuration);
        builder.Services.AddBroadsheetSearchWeb(folder, new SearchRateLimit(options.SearchBurst, options.SearchPerMinute));
        builder.Services.AddBroadsheetDesk();
        builder.Services.AddDeskImports();
        builder.Services.AddDynamicCompression();
        builder.Services.AddBroadsheetHealth();
        builder.Services.AddBroadsheetMetrics(builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new());

        var app = builder.Build();
        app.UseBroadsheetMetrics();
        app.UseOpenDataCors();
        app.UseHttpHardening();
        app.UseDynamicCompression();
        app.UseReaderPageCache();
        app.UseFinishedReads();
        app.UseDeskHeaders();
        app.UseBroadsheetStaticFiles();
        app.UseReaderLocalization();
        app.UseStatusCodePagesWithReExecute(ReaderRoutes.NotFound);
        app.UseApiProblems();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapBroadsheetHealth();
        app.MapMedia();
        app.MapSearchApi();
        app.MapBroadsheetApi();
        app.MapOpenData();
        app.MapBroadsheetReader();
        app.MapDesk();
        return app;
    }
}
