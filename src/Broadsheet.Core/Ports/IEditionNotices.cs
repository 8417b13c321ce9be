namespace Broadsheet.Core.Ports;

/// <summary>
/// Word of edition changes between the processes that share one database, as they commit: what lets several web
/// nodes drop their cached pages within a second of a change on any of them. PostgreSQL carries it (LISTEN/NOTIFY);
/// SQLite has one server process, which learns of other processes' changes by polling the editions' stamps.
/// </summary>
public interface IEditionNotices
{
    /// <summary>Whether notices travel between processes; false where <see cref="ListenAsync"/> never yields.</summary>
    bool Live { get; }

    /// <summary>Tells every listening process that <paramref name="edition"/> (or, with number 0, the publication's settings) changed.</summary>
    Task SendAsync(EditionRef edition, CancellationToken cancellationToken = default);

    /// <summary>
    /// The changes committed from now on, by any process, this one included, until cancelled; ends with an exception
    /// when the connection is lost (the caller listens again, and should treat everything as changed meanwhile).
    /// </summary>
    IAsyncEnumerable<EditionRef> ListenAsync(CancellationToken cancellationToken = default);
}
