namespace Broadsheet.Web.Hosting;

/// <summary>
/// A read (GET or HEAD) runs to its end when its client goes away in the middle of it: <see cref="HttpContext.RequestAborted"/>
/// no longer fires for it. A read's work is a render of tens of milliseconds that the page cache keeps for the next
/// reader anyway, and on PostgreSQL a cancelled query costs far more than finishing it: Npgsql sends PostgreSQL's cancel
/// request over a new connection of its own, synchronously, on the thread that fired the token (Kestrel's socket
/// threads), and waits there for the server to close it. Under a burst of clients giving up (wrk's 2-second timeout),
/// those waits held the socket threads and stalled every request of the node, cached pages included, for tens of
/// seconds (bench/HISTORY.md, "A 30-year daily"). Writes (the desk's edits and uploads) keep the client's token; a
/// read that streams for long (a year's bulk download) takes it from <see cref="ClientGone"/>.
/// </summary>
internal static class FinishedReads
{
    public static WebApplication UseFinishedReads(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            {
                context.Features.Set(new ClientConnection(context.RequestAborted));
                context.RequestAborted = CancellationToken.None;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Fires when the client of <paramref name="context"/> has gone, for a read too (see the class).</summary>
    public static CancellationToken ClientGone(HttpContext context) =>
        context.Features.Get<ClientConnection>()?.Aborted ?? context.RequestAborted;

    private sealed record ClientConnection(CancellationToken Aborted);
}
