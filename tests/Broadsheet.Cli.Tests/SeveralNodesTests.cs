using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Broadsheet.Samples;
using Broadsheet.TestKit.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// Two `broadsheet serve` processes on loopback over one PostgreSQL database and one data folder (the blobs), each
/// with its own search index and its own home folder (so a key ring on disk could not be shared): a change made on
/// one node's desk reaches the other's cached pages within a second, both indexes follow it, a desk sign-in on one
/// works on the other, a scheduled edition is published once with both up, and an upload at one desk is followed to
/// its end at the other's. Needs the server scripts/with-postgres
/// starts (scripts/test runs this class under it); without one it fails, never skips.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class SeveralNodesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "a-long-enough-password";
    private const string Slug = "binjiang";
    private static readonly DateOnly First = new(2026, 11, 2);
    private static readonly DateOnly Second = new(2026, 11, 3);
    private static readonly DateOnly Third = new(2026, 11, 4);
    private static readonly TimeSpan Second1 = TimeSpan.FromSeconds(1);

    private readonly string _root = Directory.CreateTempSubdirectory("broadsheet-cli-nodes-").FullName;
    private string _database = "";

    private string Shared => Path.Combine(_root, "shared");

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server),
            "The several-nodes tests need a PostgreSQL server: run them as scripts/with-postgres dotnet test tests/Broadsheet.Cli.Tests --filter Needs=PostgreSQL "
            + "(scripts/test does), or set BROADSHEET_TEST_POSTGRES to a server's connection string.");
        _database = $"{server};Database=broadsheet_nodes_{Guid.NewGuid():N}";
        foreach (var date in new[] { First, Second })
        {
            SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 11, Date = date, PageCount = 4 }, Path.Combine(_root, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        await RunAsync("publication", "add", Slug, "--name", "滨江日报");
        await RunAsync("import", Path.Combine(_root, "2026-11-02"), "--publication", Slug, "--quiet");
        await RunAsync("import", Path.Combine(_root, "2026-11-03"), "--publication", Slug, "--quiet");
        var users = await BroadsheetProcess.RunWithInputAsync(Password + "\n", "users", "add", "chief", "--role", "admin", "--password-stdin", "--data", Shared, "--db", _database);
        Assert.True(users.ExitCode == 0, users.Error);
    }

    [Fact]
    public async Task Two_nodes_over_one_database_see_each_others_changes_and_publish_a_schedule_once()
    {
        await using var a = await WebNode.StartAsync(Path.Combine(_root, "a"), Shared, _database, output);
        await using var b = await WebNode.StartAsync(Path.Combine(_root, "b"), Shared, _database, output);
        using var readerA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var readerB = new HttpClient { BaseAddress = new Uri(b.Url) };
        const string page = "/binjiang/2026-11-02/01";

        // Each node started with no index and built its own from the database.
        var article = await FirstArticleOnPageAsync("01");
        var imported = await ScalarAsync<string>($"SELECT \"Headline\" FROM \"Articles\" WHERE \"Id\" = {article}");
        await SearchFindsAsync(readerA, imported, TimeSpan.FromMinutes(3));
        await SearchFindsAsync(readerB, imported, TimeSpan.FromMinutes(3));

        // Signed in on A, the same browser works B's desk: the keys are in the database, not in either node's home.
        using var deskA = new DeskSession(a.Url);
        await deskA.SignInAsync("chief", Password);
        using var deskB = new DeskSession(b.Url, deskA.Cookies);

        // Withdrawn on B's desk: gone from A's cache within a second.
        Assert.Equal(HttpStatusCode.OK, (await readerA.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readerA.GetAsync(page)).StatusCode);
        await PostAsync(deskB, "/desk/binjiang/2026-11-02", "Withdraw");
        var gone = await UntilAsync(readerA, page, r => r.StatusCode == HttpStatusCode.NotFound);
        output.WriteLine($"withdrawn on B, gone on A after {gone.TotalMilliseconds:0} ms");
        Assert.True(gone < Second1, $"A still served the withdrawn page {gone.TotalMilliseconds:0} ms after B's desk withdrew it");

        // Published again on A's desk: back on B within a second (B cached its 404 meanwhile).
        Assert.Equal(HttpStatusCode.NotFound, (await readerB.GetAsync(page)).StatusCode);
        await PostAsync(deskA, "/desk/binjiang/2026-11-02", "Publish");
        var back = await UntilAsync(readerB, page, r => r.StatusCode == HttpStatusCode.OK);
        output.WriteLine($"published on A, on B after {back.TotalMilliseconds:0} ms");
        Assert.True(back < Second1, $"B still answered 404 {back.TotalMilliseconds:0} ms after A's desk published the edition");

        // A headline changed on A's desk: on B's cached page within a second, and found by both nodes' search.
        var pageOnB = await readerB.GetStringAsync(page);
        const string headline = "Zephyrquill 多节点新标题";
        Assert.DoesNotContain("Zephyrquill", pageOnB, StringComparison.Ordinal);
        var form = await deskA.FormAsync("/desk/articles/" + article.ToString(CultureInfo.InvariantCulture), "Save");
        Assert.True(form.Action is not null, "the article page has no Save form");
        form.Fields["Form.Headline"] = headline;
        using (var saved = await deskA.PostAsync(form))
        {
            Assert.True((int)saved.StatusCode < 400, $"saving the article answered {(int)saved.StatusCode}");
        }

        var edited = await UntilAsync(readerB, page, r => r.IsSuccessStatusCode && r.Content.ReadAsStringAsync().GetAwaiter().GetResult().Contains("Zephyrquill", StringComparison.Ordinal));
        output.WriteLine($"headline saved on A, on B's page after {edited.TotalMilliseconds:0} ms");
        Assert.True(edited < Second1, $"B's page lacked the new headline {edited.TotalMilliseconds:0} ms after A's desk saved it");
        output.WriteLine($"search found it on A after {(await SearchFindsAsync(readerA, "zephyrquill", TimeSpan.FromSeconds(30))).TotalMilliseconds:0} ms, "
            + $"on B after {(await SearchFindsAsync(readerB, "zephyrquill", TimeSpan.FromSeconds(30))).TotalMilliseconds:0} ms");

        // The second edition withdrawn and scheduled a few seconds ahead: published by one node, once.
        await PostAsync(deskA, "/desk/binjiang/2026-11-03", "Withdraw");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await ScalarAsync<string>("SELECT \"TimeZoneId\" FROM \"Publications\""));
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(10), zone).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var schedule = await deskA.FormAsync("/desk/binjiang/2026-11-03", "Schedule");
        Assert.True(schedule.Action is not null, "the edition page has no Schedule form");
        schedule.Fields["at"] = at;
        using (var scheduled = await deskA.PostAsync(schedule))
        {
            Assert.True((int)scheduled.StatusCode < 400, $"scheduling answered {(int)scheduled.StatusCode}");
        }

        Assert.Equal("Scheduled", await StatusAsync(Second));
        var clock = Stopwatch.StartNew();
        while (await StatusAsync(Second) != "Published")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the scheduled edition was not published within 2 minutes of its time");
            await Task.Delay(200);
        }

        // Both nodes' schedulers look every few seconds: after two more rounds each has looked at least once since.
        await Task.Delay(TimeSpan.FromSeconds((2 * WebNode.SchedulePollSeconds) + 1));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM \"AuditLog\" WHERE \"Action\" = 'publish' AND \"User\" = 'scheduler'"));
        Assert.Equal(HttpStatusCode.OK, (await readerA.GetAsync("/binjiang/2026-11-03/01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readerB.GetAsync("/binjiang/2026-11-03/01")).StatusCode);

        // An edition uploaded at A's desk: its job (a row, whichever node's worker runs it) is followed to its end on B's.
        var third = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 12, Date = Third, PageCount = 4 }, Path.Combine(_root, "upload"));
        string job;
        using (var uploaded = await deskA.UploadAsync("/desk/binjiang/upload", new Dictionary<string, string> { ["date"] = "2026-11-04" }, third.Pages.Select(p => p.PdfPath)))
        {
            Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, $"the upload answered {(int)uploaded.StatusCode}: {await uploaded.Content.ReadAsStringAsync()}");
            job = uploaded.Headers.Location!.OriginalString["/desk/imports/".Length..];
        }

        var seenOnB = new List<string>();
        var importing = Stopwatch.StartNew();
        JsonElement state;
        while (true)
        {
            using var json = JsonDocument.Parse(await deskB.GetStringAsync("/desk/api/imports/" + job));
            state = json.RootElement.Clone();
            var seen = $"{state.GetProperty("status").GetString()} {state.GetProperty("percent").GetInt32()}%";
            if (seenOnB.Count == 0 || seenOnB[^1] != seen)
            {
                seenOnB.Add(seen);
            }

            if (state.GetProperty("finished").GetBoolean())
            {
                break;
            }

            Assert.True(importing.Elapsed < TimeSpan.FromMinutes(5), $"the upload was not imported within 5 minutes; B saw {string.Join(", ", seenOnB)}");
            await Task.Delay(200);
        }

        output.WriteLine($"uploaded on A, run by {await ScalarAsync<string>($"SELECT \"Node\" FROM \"ImportJobs\" WHERE \"Id\" = '{job}'")}; B saw {string.Join(", ", seenOnB)}");
        Assert.True(state.GetProperty("status").GetString() == "succeeded", state.ToString());
        Assert.Equal(4, state.GetProperty("result").GetProperty("pageCount").GetInt32());
        Assert.Contains("导入进度", await deskB.GetStringAsync("/desk/imports/" + job), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await readerB.GetAsync("/binjiang/2026-11-04/01")).StatusCode);
    }

    private static async Task PostAsync(DeskSession desk, string page, string handler)
    {
        var form = await desk.FormAsync(page, handler);
        Assert.True(form.Action is not null, $"{page} has no {handler} form (is the desk signed in on this node?)");
        using var response = await desk.PostAsync(form);
        Assert.True((int)response.StatusCode < 400, $"{handler} on {page} answered {(int)response.StatusCode}");
    }

    /// <summary>
    /// How long after now a request first saw what <paramref name="seen"/> wants, timed from when that request was sent,
    /// so a slow render on a loaded machine does not count as a slow invalidation. Gives up after 30 seconds.
    /// </summary>
    private static async Task<TimeSpan> UntilAsync(HttpClient reader, string url, Func<HttpResponseMessage, bool> seen)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var sent = clock.Elapsed;
            using var response = await reader.GetAsync(url);
            if (seen(response))
            {
                return sent;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{reader.BaseAddress}{url} did not change within 30 seconds");
            await Task.Delay(25);
        }
    }

    private static async Task<TimeSpan> SearchFindsAsync(HttpClient reader, string words, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await reader.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(words));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (json.RootElement.GetProperty("total").GetInt32() > 0)
                {
                    return clock.Elapsed;
                }
            }

            Assert.True(clock.Elapsed < limit, $"a search for '{words}' on {reader.BaseAddress} found nothing within {limit.TotalSeconds:0} s");
            await Task.Delay(100);
        }
    }

    private Task<int> FirstArticleOnPageAsync(string label) => ScalarAsync<int>(
        "SELECT min(r.\"ArticleId\") FROM \"ArticleRegions\" r JOIN \"Pages\" p ON p.\"Id\" = r.\"PageId\" JOIN \"Editions\" e ON e.\"Id\" = p.\"EditionId\" "
        + $"WHERE e.\"Date\" = DATE '2026-11-02' AND p.\"Label\" = '{label}'");

    private Task<string> StatusAsync(DateOnly date) =>
        ScalarAsync<string>($"SELECT \"Status\" FROM \"Editions\" WHERE \"Date\" = DATE '{date:yyyy-MM-dd}'");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private async Task RunAsync(params string[] arguments)
    {
        var run = await BroadsheetProcess.RunAsync([.. arguments, "--data", Shared, "--db", _database]);
        Assert.True(run.ExitCode == 0, $"broadsheet {arguments[0]} failed: {run.Error}");
    }

    public async Task DisposeAsync()
    {
        await ThrowawayDatabase.DropAsync(_database);

        Directory.Delete(_root, recursive: true);
    }
}
