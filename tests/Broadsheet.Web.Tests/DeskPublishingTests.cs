using System.Net;
using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Desk.Publishing;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

public sealed class DeskPublishingTests(PublishingAppFactory app) : IClassFixture<PublishingAppFactory>, IAsyncLifetime
{
    private const string Editor = "desk-editor";
    private static readonly string DraftPage = $"/binjiang/{TestEdition.DraftDay:yyyy-MM-dd}/01";
    private static readonly string DraftDesk = $"/desk/binjiang/{TestEdition.DraftDay:yyyy-MM-dd}";
    private HttpClient _desk = null!;

    public async Task InitializeAsync()
    {
        _desk = app.NewClient();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>();
        if (!await db.Users.AnyAsync(u => u.UserName == Editor))
        {
            await DeskSession.CreateUserAsync(app.Services, Editor, DeskRoles.Editor, TestEdition.Slug);
        }

        await DeskSession.SignInAsync(_desk, Editor);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Publishing_a_draft_shows_it_to_readers_at_once_and_withdrawing_takes_it_away()
    {
        var reader = app.NewClient();
        var rowsBefore = await OutboxRowsWrittenAsync();
        await reader.GetDocumentAsync(DraftPage, HttpStatusCode.NotFound);
        // Readers' cached calendar of the month must learn about the new edition too.
        var calendarBefore = await reader.GetDocumentAsync("/binjiang/2026/11");
        Assert.DoesNotContain(calendarBefore.QuerySelectorAll("a"), a => a.GetAttribute("href") == DraftPage);

        using var published = await DeskSession.PostFormAsync(_desk, DraftDesk + "?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await reader.GetDocumentAsync(DraftPage);
        Assert.Contains(TestEdition.DraftHeadline, page.Body!.TextContent, StringComparison.Ordinal);
        var calendarAfter = await reader.GetDocumentAsync("/binjiang/2026/11");
        Assert.Contains(calendarAfter.QuerySelectorAll("a"), a => a.GetAttribute("href") == DraftPage);
        var desk = await _desk.GetDocumentAsync(DraftDesk);
        Assert.Equal("Published", desk.QuerySelector("[data-status]")!.GetAttribute("data-status"));

        using var withdrawn = await DeskSession.PostFormAsync(_desk, DraftDesk + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        await reader.GetDocumentAsync(DraftPage, HttpStatusCode.NotFound);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>();
        var actions = await db.AuditLog.Where(e => e.User == Editor && e.PublicationSlug == TestEdition.Slug)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["publish", "withdraw"], actions.Where(a => a is "publish" or "withdraw").TakeLast(2));
        // Two changes, two rows for the search index to apply (publish adds the articles, withdraw removes them). The
        // server's sync may have applied and removed them already: count the rows written, not the rows left.
        var written = await OutboxRowsWrittenAsync() - rowsBefore;
        Assert.True(written >= 2, $"{written} outbox rows written for publishing and withdrawing");
    }

    /// <summary>How many search outbox rows were ever written (its ids only grow, whatever the sync has removed).</summary>
    private async Task<long> OutboxRowsWrittenAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>();
        var sql = TestDatabase.IsPostgres
            ? "SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('\"SearchOutbox\"', 'Id')::regclass), 0) AS \"Value\""
            : "SELECT COALESCE(MAX(seq), 0) AS \"Value\" FROM sqlite_sequence WHERE name = 'SearchOutbox'";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }

    [Fact]
    public async Task A_schedule_in_the_past_is_refused_with_a_message_and_changes_nothing()
    {
        var before = await StatusOfDraftAsync();

        using var response = await DeskSession.PostFormAsync(_desk, DraftDesk + "?handler=Schedule", new Dictionary<string, string> { ["at"] = "2020-01-01T06:00" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("already passed", body, StringComparison.Ordinal);
        Assert.Equal(before, await StatusOfDraftAsync());
    }

    private async Task<(EditionStatus, DateTimeOffset?)> StatusOfDraftAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var edition = await scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>().Editions.AsNoTracking().SingleAsync(e => e.Date == TestEdition.DraftDay);
        return (edition.Status, edition.PublishedAt);
    }
}

public sealed class ScheduledPublishingTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "broadsheet-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _database = TestDatabase.NewDatabase();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TestDatabase.DropAsync(_database);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_scheduled_edition_is_published_at_its_time_even_across_a_restart()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 20, 0, 0, TimeSpan.Zero));
        var draftDesk = $"/desk/binjiang/{TestEdition.DraftDay:yyyy-MM-dd}";
        var draftPage = $"/binjiang/{TestEdition.DraftDay:yyyy-MM-dd}/01";

        await using (var first = new FixedFolderApp(_root, _database, clock))
        {
            await TestEdition.SeedAsync(first.Services);
            await DeskSession.CreateUserAsync(first.Services, "night-editor", DeskRoles.Admin);
            var desk = first.CreateClient(new() { AllowAutoRedirect = false });
            await DeskSession.SignInAsync(desk, "night-editor");
            // 06:00 on the 3rd in Shanghai is 22:00 UTC on the 2nd: two hours ahead of the fake clock.
            using var scheduled = await DeskSession.PostFormAsync(desk, draftDesk + "?handler=Schedule", new Dictionary<string, string> { ["at"] = "2026-11-03T06:00" });
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
            Assert.Equal(0, await first.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None));
            await first.CreateClient().GetDocumentAsync(draftPage, HttpStatusCode.NotFound);
        }

        // The server was down at 22:00; it comes back at 23:00 and publishes what was due on its own.
        clock.Advance(TimeSpan.FromHours(3));
        await using var second = new FixedFolderApp(_root, _database, clock);
        var reader = second.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            using var response = await reader.GetAsync(new Uri(draftPage, UriKind.Relative));
            status = response.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(100);
            }
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        await using var scope = second.Services.CreateAsyncScope();
        var edition = await scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>().Editions.SingleAsync(e => e.Date == TestEdition.DraftDay);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 22, 0, 0, TimeSpan.Zero), edition.PublishedAt);
    }

    private sealed class FixedFolderApp(string root, string? database, TimeProvider clock) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Broadsheet:Data", root);
            if (database is not null)
            {
                builder.UseSetting("Broadsheet:Database", database);
            }

            builder.UseSetting("Broadsheet:ReaderCache:PollSeconds", "0");
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}
