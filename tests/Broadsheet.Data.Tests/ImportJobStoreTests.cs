using Broadsheet.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>The desk's import jobs in the database, as several web nodes share them, on either provider.</summary>
public sealed class ImportJobStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_nodes_claiming_one_waiting_job_at_once_one_runs_it()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var jobs = data.Services.GetRequiredService<IImportJobStore>();
        for (var round = 0; round < 10; round++)
        {
            Assert.True(await jobs.TryAddAsync(Job($"job{round}", At.AddSeconds(round)), maxWaiting: 5));
            var claims = await Task.WhenAll(
                Task.Run(() => jobs.ClaimNextAsync("node-a", At, At.AddMinutes(1))),
                Task.Run(() => jobs.ClaimNextAsync("node-b", At, At.AddMinutes(1))));

            var winner = Assert.Single(claims, c => c is not null)!;
            Assert.Equal($"job{round}", winner.Id);
            var row = await jobs.FindAsync(winner.Id);
            Assert.Equal((ImportJobPhase.Running, winner.Node), (row!.Phase, row.Node));
            // The loser may report nothing on it.
            Assert.False(await jobs.ReportAsync(winner.Id, winner.Node == "node-a" ? "node-b" : "node-a", "{}", At.AddMinutes(2)));
            await jobs.FinishAsync(winner.Id, winner.Node!, "{}", null, At);
        }
    }

    [Fact]
    public async Task Jobs_are_claimed_oldest_first_and_too_many_waiting_are_refused()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var jobs = data.Services.GetRequiredService<IImportJobStore>();
        Assert.True(await jobs.TryAddAsync(Job("later", At.AddSeconds(5)), maxWaiting: 2));
        Assert.True(await jobs.TryAddAsync(Job("first", At), maxWaiting: 2));
        Assert.False(await jobs.TryAddAsync(Job("third", At), maxWaiting: 2));
        Assert.Equal(2, await jobs.CountWaitingAsync());

        Assert.Equal("first", (await jobs.ClaimNextAsync("node-a", At, At.AddMinutes(1)))!.Id);
        Assert.Equal("later", (await jobs.ClaimNextAsync("node-a", At, At.AddMinutes(1)))!.Id);
        Assert.Null(await jobs.ClaimNextAsync("node-a", At, At.AddMinutes(1)));
        Assert.True(await jobs.TryAddAsync(Job("third", At), maxWaiting: 2));
    }

    [Fact]
    public async Task A_running_job_whose_lease_lapsed_is_failed_and_its_node_may_no_longer_write_it()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var jobs = data.Services.GetRequiredService<IImportJobStore>();
        await jobs.TryAddAsync(Job("dead", At), maxWaiting: 5);
        await jobs.TryAddAsync(Job("alive", At.AddSeconds(1)), maxWaiting: 5);
        await jobs.ClaimNextAsync("node-a", At, At.AddMinutes(1));
        await jobs.ClaimNextAsync("node-b", At, At.AddMinutes(1));
        Assert.True(await jobs.ReportAsync("alive", "node-b", """{"pages":3}""", At.AddMinutes(3)));

        Assert.Empty(await jobs.FailLapsedAsync(At.AddSeconds(59), (_, _) => Task.FromResult("stopped")));
        var failed = await jobs.FailLapsedAsync(At.AddMinutes(2), (j, _) => Task.FromResult("stopped on " + j.Node));

        Assert.Equal("dead", Assert.Single(failed).Id);
        var dead = await jobs.FindAsync("dead");
        Assert.Equal((ImportJobPhase.Failed, "stopped on node-a", At.AddMinutes(2)), (dead!.Phase, dead.Error, dead.FinishedAt));
        Assert.False(await jobs.ReportAsync("dead", "node-a", "{}", At.AddMinutes(5)));
        await jobs.FinishAsync("dead", "node-a", "{}", null, At.AddMinutes(5));
        Assert.Equal(ImportJobPhase.Failed, (await jobs.FindAsync("dead"))!.Phase);
        var alive = await jobs.FindAsync("alive");
        Assert.Equal((ImportJobPhase.Running, """{"pages":3}"""), (alive!.Phase, alive.Progress));

        await jobs.PruneAsync(At.AddMinutes(3));
        Assert.Null(await jobs.FindAsync("dead"));
        Assert.NotNull(await jobs.FindAsync("alive"));
    }

    private static ImportJobRecord Job(string id, DateTimeOffset queued) =>
        new(id, "binjiang", "滨江日报", "zh-CN", "editor", "/tmp/" + id, "{}", ImportJobPhase.Waiting, null, null, null, null, queued, null, null);
}
