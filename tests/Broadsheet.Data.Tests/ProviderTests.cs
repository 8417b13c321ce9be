using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>
/// Where SQLite and PostgreSQL differ (times with offsets, dates, text comparison, Identity's tables), the answers a
/// reader or the desk gets are the same; these run on whichever provider <see cref="TempDataFolder"/> gives.
/// </summary>
public sealed class ProviderTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_time_written_in_the_papers_zone_reads_back_as_the_same_instant_and_revisions_come_newest_first()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var publication = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        var scheduled = new DateTimeOffset(2026, 11, 3, 6, 0, 0, Beijing);
        var edition = new Edition(publication, new DateOnly(2026, 11, 3));
        edition.AddPage("01", "头版", new PageSize(842, 1191));
        var article = edition.AddArticle(new ArticleContent { Headline = "头条", Paragraphs = ["原文。"] });
        edition.Schedule(scheduled);
        await store.SaveEditionAsync(edition, replace: false);

        await using (var change = (await data.Services.GetRequiredService<IEditionEditor>().OpenAsync(edition.Id))!)
        {
            var kept = change.Edition.Articles.Single();
            change.Record(new ArticleRevision(kept, "xiaowang", new DateTimeOffset(2026, 11, 2, 23, 0, 0, Beijing), "早", "a", "b"));
            // Earlier by the clock on the wall in Beijing, later as an instant.
            change.Record(new ArticleRevision(kept, "xiaowang", new DateTimeOffset(2026, 11, 2, 16, 30, 0, TimeSpan.Zero), "晚", "b", "c"));
            await change.SaveAsync(scheduled.AddHours(-8));
        }

        var desk = data.Services.GetRequiredService<IDeskReader>();
        var (id, at) = Assert.Single(await desk.ScheduledAsync());
        Assert.Equal(edition.Id, id);
        Assert.Equal(scheduled, at);
        Assert.Equal(["晚", "早"], (await desk.RevisionsAsync(article.Id)).Select(r => r.Summary));
        Assert.Equal(scheduled.AddHours(-8), (await desk.EditionAsync(edition.Id))!.ChangedAt);
    }

    [Fact]
    public async Task The_reader_finds_editions_by_date_month_and_nearest_day()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        await PublishAsync(store, new Publication("binjiang", "滨江日报"), new(2026, 10, 30), new(2026, 11, 2), new(2026, 11, 9));
        // Another paper's editions, before and after binjiang's, change none of binjiang's answers.
        await PublishAsync(store, new Publication("abendblatt", "Abendblatt"), new(2026, 10, 1), new(2026, 11, 4), new(2026, 12, 1));

        var reader = data.Services.GetRequiredService<IReaderEditions>();

        Assert.Equal(new DateOnly(2026, 11, 9), (await reader.LatestAsync("binjiang", null))!.Date);
        var (november, first, last) = await reader.MonthAsync("binjiang", 2026, 11);
        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9)], november.Select(e => e.Date));
        Assert.Equal((new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 9)), (first, last));
        Assert.Equal(new DateOnly(2026, 11, 2), (await reader.NearestAsync("binjiang", new DateOnly(2026, 11, 5)))!.Date);
        Assert.Equal(
            [("abendblatt", 2026, 12), ("abendblatt", 2026, 11), ("abendblatt", 2026, 10), ("binjiang", 2026, 11), ("binjiang", 2026, 10)],
            await reader.MonthsAsync());
        Assert.Equal(new DateOnly(2026, 12, 1), (await reader.LatestAsync(null, null))!.Date);

        // A paper that is not there has no editions.
        Assert.Null(await reader.LatestAsync("nowhere", null));
        var (none, noFirst, noLast) = await reader.MonthAsync("nowhere", 2026, 11);
        Assert.Empty(none);
        Assert.Null(noFirst);
        Assert.Null(noLast);
        Assert.Null(await reader.NearestAsync("nowhere", new DateOnly(2026, 11, 5)));
    }

    [Fact]
    public async Task Slugs_match_exactly_and_names_sort_by_code_point()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        await store.AddPublicationAsync(new Publication("abendblatt", "abendblatt"));
        await store.AddPublicationAsync(new Publication("zeitung", "Zeitung"));

        Assert.Equal("滨江日报", (await store.FindPublicationAsync("binjiang"))!.Name);
        Assert.Null(await store.FindPublicationAsync("BINJIANG"));
        Assert.Null(await data.Services.GetRequiredService<IReaderEditions>().FindPublicationAsync("Binjiang"));
        // As SQLite has always listed them at the desk (the test server's collation is C): capitals first, then small letters, then CJK.
        Assert.Equal(["Zeitung", "abendblatt", "滨江日报"], (await data.Services.GetRequiredService<IPublicationSettings>().AllAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task A_desk_account_is_made_with_its_role_grant_and_audit_line_and_locked_out_until_a_time()
    {
        await using var data = await TempDataFolder.CreateAsync();
        await data.Services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        var services = new ServiceCollection().AddBroadsheetData(data.Folder);
        services.AddDeskAccounts();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<DeskAccounts>();
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, Beijing);

        var user = await accounts.AddAsync("xiaowang", "a-long-enough-password", DeskRoles.Editor, ["binjiang"], audit: new AuditEntry(at, "chief", "add-user", null, "xiaowang"));
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DeskUser>>();
        await users.SetLockoutEndDateAsync(user, at.AddMinutes(15));

        var (name, roles, publications) = Assert.Single(await accounts.ListAsync());
        Assert.Equal("xiaowang", name);
        Assert.Equal([DeskRoles.Editor], roles);
        Assert.Equal(["binjiang"], publications);
        await using var db = data.NewContext();
        Assert.Equal(at.AddMinutes(15), (await db.Users.SingleAsync()).LockoutEnd);
        Assert.Equal(at, (await db.AuditLog.SingleAsync()).At);
        await Assert.ThrowsAsync<DomainException>(() => accounts.AddAsync("xiaowang", "a-long-enough-password", DeskRoles.Admin, []));
    }

    /// <summary>Adds <paramref name="paper"/> with a one-page edition published at 05:00 on each of <paramref name="days"/>.</summary>
    private static async Task PublishAsync(IEditionStore store, Publication paper, params DateOnly[] days)
    {
        var publication = await store.AddPublicationAsync(paper);
        foreach (var day in days)
        {
            var edition = new Edition(publication, day);
            edition.AddPage("01", "头版", new PageSize(842, 1191));
            edition.Publish(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), Beijing));
            await store.SaveEditionAsync(edition, replace: false);
        }
    }
}

/// <summary>How <c>--db</c> picks the database; no server needed.</summary>
public sealed class DatabaseChoiceTests
{
    [Fact]
    public async Task A_database_path_puts_the_sqlite_file_there_and_not_in_the_data_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "broadsheet-data-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(root, "elsewhere", "paper.db");
        var folder = new DataFolder(Path.Combine(root, "data"), file);
        try
        {
            await using (var services = new ServiceCollection().AddBroadsheetData(folder).BuildServiceProvider())
            {
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication("binjiang", "滨江日报"));
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Assert.False(folder.DatabaseIsServer);
            Assert.Equal(file, folder.DatabasePath);
            Assert.True(new FileInfo(file).Length > 0);
            Assert.False(File.Exists(Path.Combine(folder.Root, "broadsheet.db")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("Host=db.example.org;Username=broadsheet", "Host and Database")]
    [InlineData("Hots=db.example.org;Database=broadsheet", "hots")]
    public void A_connection_string_it_cannot_use_is_one_line_naming_the_problem(string database, string problem)
    {
        var folder = new DataFolder(Path.Combine(Path.GetTempPath(), "broadsheet-data-tests", Guid.NewGuid().ToString("N")), database);

        var error = Assert.Throws<DomainException>(() => new ServiceCollection().AddBroadsheetData(folder));

        Assert.Contains(problem, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Broadsheet:Database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}

/// <summary>The search outbox's promise to a rebuild: every change up to the latest id it is given has committed.</summary>
public sealed class OutboxOrderTests
{
    [Fact]
    public async Task The_latest_change_waits_for_an_earlier_change_still_being_saved()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var feed = data.Services.GetRequiredService<ISearchFeed>();
        if (!data.IsPostgres)
        {
            // SQLite lets one writer in at a time, so an earlier change cannot still be open beside a later one.
            Assert.Equal(0, await feed.LatestChangeIdAsync());
            return;
        }

        await using var slow = data.NewContext();
        await using var transaction = await slow.Database.BeginTransactionAsync();
        slow.SearchOutbox.Add(Entry(1));
        await slow.SaveChangesAsync();
        await using (var quick = data.NewContext())
        {
            quick.SearchOutbox.Add(Entry(2));
            await quick.SaveChangesAsync();
        }

        var latest = feed.LatestChangeIdAsync();
        var finished = await Task.WhenAny(latest, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.NotSame(latest, finished);
        await transaction.CommitAsync();

        var through = await latest;
        await feed.MarkDoneThroughAsync(through);
        Assert.Empty(await feed.PendingAsync(10));
    }

    private static Search.SearchOutboxEntry Entry(int number) =>
        new() { PublicationSlug = "binjiang", Date = new DateOnly(2026, 11, 2), Number = number, ChangedAt = DateTimeOffset.UnixEpoch };
}
