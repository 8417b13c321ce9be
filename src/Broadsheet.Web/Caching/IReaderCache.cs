namespace Broadsheet.Web.Caching;

/// <summary>
/// The reader's cached pages. Whoever publishes, replaces, corrects or withdraws an edition in this process
/// calls <see cref="InvalidateAsync"/> so readers see the change at once. Changes made by another process (the
/// <c>broadsheet import</c> command) are noticed by polling the editions' stamps; see <see cref="ReaderCacheOptions"/>.
/// </summary>
public interface IReaderCache
{
    /// <summary>
    /// Drops every cached reader page of <paramref name="slug"/>'s edition of <paramref name="date"/>, and with it
    /// those that link to it (neighbouring editions, calendars, the sitemaps).
    /// </summary>
    Task InvalidateAsync(string slug, DateOnly date, CancellationToken cancellationToken = default);
}
