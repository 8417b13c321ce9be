using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// kill -9 of `broadsheet serve` while an editor publishes and withdraws an edition, or saves an article, over and
/// over: at a seeded random moment after the first change went through, the server dies mid-request. Afterwards the
/// database checks clean and holds every change the desk was told was saved and at most one more, whole (the
/// edition's status with its audit line; the article's text with its revision), readers get what that state says,
/// and after a restart the next change goes through. BROADSHEET_CRASH_DESK_POINTS (default 6) and
/// BROADSHEET_CRASH_SEED (default 18) choose the points; BROADSHEET_CRASH_REPORT collects the outcomes.
/// </summary>
public sealed class CrashDeskTests(PublishedDataFixture published, ITestOutputHelper output) : IClassFixture<PublishedDataFixture>, IDisposable
{
    private const string Password = "a-long-enough-password";
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-crash-desk-").FullName;

    public static TheoryData<int, string, double> KillPoints
    {
        get
        {
            var count = int.Parse(Environment.GetEnvironmentVariable("BROADSHEET_CRASH_DESK_POINTS") ?? "6", CultureInfo.InvariantCulture);
            var random = new Random(1000 + int.Parse(Environment.GetEnvironmentVariable("BROADSHEET_CRASH_SEED") ?? "18", CultureInfo.InvariantCulture));
            var points = new TheoryData<int, string, double>();
            for (var i = 1; i <= count; i++)
            {
                points.Add(i, i % 2 == 1 ? "publish" : "save", Math.Round(random.NextDouble() * 2, 3));
            }

            return points;
        }
    }

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_server_killed_during_a_desk_change_keeps_each_change_whole_and_takes_the_next(int point, string operation, double seconds)
    {
        published.CopyTo(_data);
        var users = await BroadsheetProcess.RunWithInputAsync(Password + "\n", "users", "add", "chief", "--role", "admin", "--password-stdin", "--data", _data);
        Assert.True(users.ExitCode == 0, users.Error);
        var article = Scalar("SELECT min(Id) FROM Articles");
        var original = Scalar($"SELECT Headline FROM Articles WHERE Id = {article}");
        var change = operation == "publish" ? (Func<DeskSession, int, Task>)PublishOrWithdrawAsync : (desk, n) => SaveAsync(desk, article, n);

        // Changes one after another until the server dies; each acknowledged one was checked in the database.
        var acknowledged = 0;
        await using (var server = await Server.StartAsync(_data))
        {
            using var desk = new DeskSession(server.Url);
            await desk.SignInAsync("chief", Password);
            var first = new TaskCompletionSource();
            var changing = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        await change(desk, acknowledged + 1);
                        acknowledged++;
                        first.TrySetResult();
                    }
                }
                catch (HttpRequestException) when (server.Killed)
                {
                }
            });
            await Task.WhenAny(first.Task, changing);
            Assert.False(changing.IsFaulted, changing.Exception?.ToString());
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            server.Kill();
            await changing;
        }

        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        int saved;
        if (operation == "publish")
        {
            // The edition starts published, so the n-th change leaves it withdrawn when n is odd.
            saved = int.Parse(Scalar("SELECT count(*) FROM AuditLog WHERE Action IN ('publish', 'withdraw')"), CultureInfo.InvariantCulture);
            Assert.Equal(saved % 2 == 0, Scalar("SELECT Status FROM Editions") == "Published");
        }
        else
        {
            saved = int.Parse(Scalar($"SELECT count(*) FROM ArticleRevisions WHERE ArticleId = {article}"), CultureInfo.InvariantCulture);
            Assert.Equal(saved == 0 ? original : Headline(saved), Scalar($"SELECT Headline FROM Articles WHERE Id = {article}"));
        }

        Assert.InRange(saved, acknowledged, acknowledged + 1);

        // After a restart readers get what the database says, and the desk's next change goes through.
        await using (var server = await Server.StartAsync(_data))
        {
            using var reader = new HttpClient { BaseAddress = new Uri(server.Url) };
            var page = await reader.GetAsync("/binjiang/2026-11-02/01");
            Assert.Equal(operation == "publish" && saved % 2 == 1 ? HttpStatusCode.NotFound : HttpStatusCode.OK, page.StatusCode);
            using var desk = new DeskSession(server.Url);
            await desk.SignInAsync("chief", Password);
            await change(desk, saved + 1);
            server.Kill();
        }

        var outcome = string.Create(CultureInfo.InvariantCulture,
            $"desk point {point} ({operation}) killed {seconds:0.00} s after the first change: {acknowledged} changes acknowledged, {saved} in the database "
            + $"({(saved == acknowledged ? "the one in flight lost whole" : "the one in flight saved whole")}), integrity ok; after a restart the next change went through");
        output.WriteLine(outcome);
        if (Environment.GetEnvironmentVariable("BROADSHEET_CRASH_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, outcome + "\n");
        }
    }

    private static string Headline(int n) => string.Create(CultureInfo.InvariantCulture, $"断电之后第 {n} 次保存");

    /// <summary>The n-th publish-or-withdraw (odd: withdraw), checked in the database once the desk answers.</summary>
    private async Task PublishOrWithdrawAsync(DeskSession desk, int n)
    {
        var form = await desk.FormAsync("/desk/binjiang/2026-11-02", n % 2 == 1 ? "Withdraw" : "Publish");
        Assert.True(form.Action is not null, $"change {n}: the edition page has no {(n % 2 == 1 ? "Withdraw" : "Publish")} form");
        using var response = await desk.PostAsync(form);
        Assert.True((int)response.StatusCode < 400, $"change {n} answered {(int)response.StatusCode}");
        Assert.Equal(n % 2 == 0, Scalar("SELECT Status FROM Editions") == "Published");
    }

    /// <summary>The n-th save of the article's form with a new headline, checked in the database once the desk answers.</summary>
    private async Task SaveAsync(DeskSession desk, string article, int n)
    {
        var form = await desk.FormAsync("/desk/articles/" + article, "Save");
        Assert.True(form.Action is not null, "the article page has no Save form");
        form.Fields["Form.Headline"] = Headline(n);
        using var response = await desk.PostAsync(form);
        Assert.True((int)response.StatusCode < 400, $"save {n} answered {(int)response.StatusCode}");
        Assert.Equal(Headline(n), Scalar($"SELECT Headline FROM Articles WHERE Id = {article}"));
    }

    private string Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "broadsheet.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    /// <summary>`broadsheet serve` on a free port, answering once it is up; killed (SIGKILL, the whole tree), not stopped.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _log;
        private readonly Task<string> _error;

        private Server(Process process, string url)
        {
            _process = process;
            Url = url;
            _log = process.StandardOutput.ReadToEndAsync();
            _error = process.StandardError.ReadToEndAsync();
        }

        public string Url { get; }

        public bool Killed { get; private set; }

        public static async Task<Server> StartAsync(string data)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var url = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
            var server = new Server(Process.Start(BroadsheetProcess.StartInfo(null, ["serve", "--data", data, "--urls", url]))!, url);
            using var probe = new HttpClient { BaseAddress = new Uri(url) };
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (server._process.HasExited)
                {
                    // Awaited only now: the output ends when the process does.
                    Assert.Fail($"the server stopped: {await server._log} {await server._error}");
                }
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the server did not answer within 5 minutes");
                try
                {
                    using var response = await probe.GetAsync("/desk/login");
                    if (response.IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(200);
            }
        }

        public void Kill()
        {
            Killed = true;
            _process.Kill(entireProcessTree: true);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
