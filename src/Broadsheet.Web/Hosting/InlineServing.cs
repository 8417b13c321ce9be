namespace Broadsheet.Web.Hosting;

/// <summary>
/// Serves cached reader pages on the socket's own event thread. A cached page costs little more than the socket
/// work, and by default each request also crosses threads three times (socket event thread, Kestrel's queue, the
/// thread pool, and back): with those hand-offs gone the app's CPU per cached page view fell from 33.7 µs to 24.5 µs
/// on a quiet machine, against nginx's 23–24 µs for the same bytes (bench/README.md). <see cref="Caching.ReaderPageCacheMiddleware"/> moves every request that
/// is not a cache hit to the thread pool before it runs, so a page being rendered, a search or an upload never
/// holds up the other connections of an event thread.
/// </summary>
internal static class InlineServing
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Turns on both in-line settings unless <c>Broadsheet:InlineServing</c> is false: the runtime's (read once,
    /// when the process opens its first socket; an operator's own value wins) and Kestrel's.
    /// </summary>
    public static void UseInlineServing(this WebApplicationBuilder builder, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!enabled)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }

        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
    }
}
