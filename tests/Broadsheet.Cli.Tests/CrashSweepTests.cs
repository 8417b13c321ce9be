using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// kill -9 of `broadsheet import` (the whole process tree) at seeded random moments of a new edition's import and of a
/// <c>--replace</c>: afterwards the database checks clean and holds either the state before (every row as it was) or
/// the state an uninterrupted import gives, never a half edition; once `broadsheet serve` has started and swept, the
/// blobs are exactly that state's (nothing orphaned, nothing used gone); and the rerun succeeds and gives the same as
/// an uninterrupted import. BROADSHEET_CRASH_POINTS (default 14) and BROADSHEET_CRASH_SEED (default 18) choose the
/// points; BROADSHEET_CRASH_REPORT names a file each point appends its outcome to (bench/README, issue 18).
/// </summary>
public sealed class CrashSweepTests(CrashFixture fixture, ITestOutputHelper output) : IClassFixture<CrashFixture>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-crash-data-").FullName;

    /// <summary>
    /// The kill points: alternately a new edition and a replace, each at a uniformly drawn fraction of the time an
    /// uninterrupted import of the same package took in the fixture (from the start of the process: start-up,
    /// unpacking and checks, pages read and stored, the save, the search index).
    /// </summary>
    public static TheoryData<int, bool, double> KillPoints
    {
        get
        {
            var count = int.Parse(Environment.GetEnvironmentVariable("BROADSHEET_CRASH_POINTS") ?? "14", CultureInfo.InvariantCulture);
            var random = new Random(int.Parse(Environment.GetEnvironmentVariable("BROADSHEET_CRASH_SEED") ?? "18", CultureInfo.InvariantCulture));
            var points = new TheoryData<int, bool, double>();
            for (var i = 1; i <= count; i++)
            {
                points.Add(i, i % 2 == 0, Math.Round(random.NextDouble(), 3));
            }

            return points;
        }
    }

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task An_import_killed_at_any_moment_leaves_the_old_or_the_new_edition_no_orphan_blobs_after_the_next_start_and_reruns(int point, bool replace, double fraction)
    {
        var reference = fixture.For(replace);
        fixture.Published.CopyTo(_data);
        var before = DataSnapshot.Take(_data);
        var after = reference.Took * fraction;

        var (killed, lastLine) = await KillAfterAsync(reference.Arguments(_data), after);

        Assert.Equal("ok", IntegrityCheck(_data));
        var state = Editions(_data);
        var old = state.SequenceEqual(Editions(fixture.Published.Template));
        if (old)
        {
            Assert.Equal(Rows(before), Rows(DataSnapshot.Take(_data)));
        }
        else
        {
            Assert.True(state.SequenceEqual(Editions(reference.Data)), "neither the old nor the new state (a half edition?): " + string.Join(" / ", state));
        }

        var expected = BlobNames(old ? before : DataSnapshot.Take(reference.Data));
        var orphans = BlobNames(DataSnapshot.Take(_data)).Except(expected).Count();
        Assert.Empty(expected.Except(BlobNames(DataSnapshot.Take(_data))));
        await ServeUntilAsync(() => BlobNames(DataSnapshot.Take(_data)).SequenceEqual(expected));

        var rerun = await BroadsheetProcess.RunAsync(reference.Arguments(_data));
        if (!old && !replace)
        {
            Assert.Equal(1, rerun.ExitCode);
            Assert.Contains("already exists", rerun.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(rerun.ExitCode == 0, rerun.Error);
            Assert.Contains(reference.Summary, rerun.Output, StringComparison.Ordinal);
        }

        Assert.Equal("ok", IntegrityCheck(_data));
        Assert.Equal(Editions(reference.Data), Editions(_data));
        Assert.Equal(BlobNames(DataSnapshot.Take(reference.Data)), BlobNames(DataSnapshot.Take(_data)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data, "staging")));

        var outcome = string.Create(CultureInfo.InvariantCulture,
            $"point {point} ({(replace ? "--replace" : "new edition")}) at {after.TotalSeconds:0.0} s of {reference.Took.TotalSeconds:0.0} s: "
            + $"{(killed ? "killed" : "had ended")} after \"{lastLine}\"; {(old ? "old state" : "new state")}, integrity ok; "
            + $"{orphans} orphan blobs swept at the next start; rerun {(rerun.ExitCode == 0 ? "ok" : "refused: already exists")}");
        output.WriteLine(outcome);
        if (Environment.GetEnvironmentVariable("BROADSHEET_CRASH_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, outcome + "\n");
        }
    }

    /// <summary>Starts the import, kills it (SIGKILL, the whole process tree) after <paramref name="delay"/>; whether it was still running, and the last line it printed.</summary>
    private static async Task<(bool Killed, string LastLine)> KillAfterAsync(string[] arguments, TimeSpan delay)
    {
        using var process = Process.Start(BroadsheetProcess.StartInfo(null, arguments))!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (lines)
                {
                    lines.Add(line.Trim());
                }
            }
        };
        process.BeginOutputReadLine();
        var error = process.StandardError.ReadToEndAsync();
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(delay));
        var ended = process.HasExited;
        if (!ended)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(ended ? process.ExitCode == 0 : process.ExitCode == 137, $"exit status {process.ExitCode}: {await error}");
        lock (lines)
        {
            return (!ended, lines.LastOrDefault() ?? "(nothing)");
        }
    }

    /// <summary>Runs `broadsheet serve` until <paramref name="swept"/> holds (its start-up sweep has run), then stops it.</summary>
    private async Task ServeUntilAsync(Func<bool> swept)
    {
        var url = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(BroadsheetProcess.StartInfo(null, ["serve", "--data", _data, "--urls", url]))!;
        var log = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!HoldsNow(swept))
            {
                if (process.HasExited)
                {
                    Assert.Fail($"the server stopped: {await log} {await error}");
                }
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(5), "the blobs were still not those of the editions 5 minutes after the server started");
                await Task.Delay(250);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Whether <paramref name="condition"/> holds; not yet while the server's sweep deletes a file the snapshot was reading.</summary>
    private static bool HoldsNow(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>What a reader sees of every edition, without row ids and times: date, status, pages with their blobs, articles and regions.</summary>
    private static List<string> Editions(string data) => Query(data, """
        SELECT e.Date || ' ' || e.Number || ' ' || e.Status
            || ' pages: ' || (SELECT group_concat(p.Label || '=' || ifnull(p.ImageKey, '') || ',' || ifnull(p.PdfKey, '') || ',' || ifnull(p.DerivativesKey, ''), ' ')
                              FROM (SELECT * FROM Pages WHERE EditionId = e.Id ORDER BY "Order") p)
            || ' articles: ' || (SELECT count(*) FROM Articles a WHERE a.EditionId = e.Id)
            || ' regions: ' || (SELECT count(*) FROM ArticleRegions r JOIN Articles a ON a.Id = r.ArticleId WHERE a.EditionId = e.Id)
        FROM Editions e ORDER BY e.Date, e.Number
        """);

    private static string IntegrityCheck(string data) => string.Join(" ", Query(data, "PRAGMA integrity_check"));

    private static List<string> Query(string data, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "broadsheet.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static List<string> Rows(string snapshot) =>
        [.. snapshot.Split('\n').Where(l => !l.StartsWith("blob: ", StringComparison.Ordinal) && !l.StartsWith("staging: ", StringComparison.Ordinal))];

    /// <summary>The blobs' names (keys are content hashes, so the same import gives the same names).</summary>
    private static List<string> BlobNames(string snapshot) =>
        [.. snapshot.Split('\n').Where(l => l.StartsWith("blob: ", StringComparison.Ordinal)).Select(l => l[..l.LastIndexOf(' ')])];

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
