using Broadsheet.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Broadsheet.Web.Tests;

/// <summary>
/// A read whose client gives up runs to its end (its database queries are not cancelled: on PostgreSQL each
/// cancellation opened a connection on a socket thread and stalled the node), while a write still sees its client go
/// and a long stream can still ask whether its client is there.
/// </summary>
public sealed class FinishedReadsTests
{
    [Theory]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    [InlineData("POST", true)]
    public async Task A_request_whose_client_gives_up_is_cancelled_only_if_it_writes(string method, bool cancelled)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new TaskCompletionSource<(bool Aborted, bool ClientGone)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.UseFinishedReads();
        app.MapMethods("/work", [method], async (HttpContext context) =>
        {
            started.SetResult();
            await release.Task;
            seen.SetResult((context.RequestAborted.IsCancellationRequested, FinishedReads.ClientGone(context).IsCancellationRequested));
        });
        await app.StartAsync();

        using var client = app.GetTestClient();
        using var giveUp = new CancellationTokenSource();
        var sent = client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/work"), giveUp.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The test server aborts the request from the client's token before CancelAsync's task completes.
        await giveUp.CancelAsync();
        release.SetResult();

        var (aborted, clientGone) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(cancelled, aborted);
        Assert.True(clientGone, "the client's own token did not see it go");
        // Whatever the client's side made of it (a cancelled send, or a HEAD answered before it gave up).
        await Task.WhenAny(sent, Task.Delay(TimeSpan.FromSeconds(30)));
    }
}
