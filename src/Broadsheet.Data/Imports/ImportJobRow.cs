using Broadsheet.Core.Ports;

namespace Broadsheet.Data.Imports;

/// <summary>
/// A row of <c>ImportJobs</c>. Times are Unix milliseconds (UTC): SQLite keeps a <see cref="DateTimeOffset"/> as
/// text, which EF will neither order nor compare there, and the lease is compared on every poll.
/// </summary>
internal sealed class ImportJobRow
{
    public required string Id { get; set; }

    public required string Publication { get; set; }

    public required string PublicationName { get; set; }

    public string? Language { get; set; }

    public required string UploadedBy { get; set; }

    public required string Folder { get; set; }

    public required string Request { get; set; }

    public ImportJobPhase State { get; set; }

    public string? Progress { get; set; }

    public string? Error { get; set; }

    public string? Node { get; set; }

    public long? LeaseUntil { get; set; }

    public long QueuedAt { get; set; }

    public long? StartedAt { get; set; }

    public long? FinishedAt { get; set; }

    public static ImportJobRow From(ImportJobRecord job) => new()
    {
        Id = job.Id,
        Publication = job.Publication,
        PublicationName = job.PublicationName,
        Language = job.Language,
        UploadedBy = job.UploadedBy,
        Folder = job.Folder,
        Request = job.Request,
        State = job.Phase,
        Progress = job.Progress,
        Error = job.Error,
        Node = job.Node,
        LeaseUntil = Ms(job.LeaseUntil),
        QueuedAt = job.QueuedAt.ToUnixTimeMilliseconds(),
        StartedAt = Ms(job.StartedAt),
        FinishedAt = Ms(job.FinishedAt),
    };

    public ImportJobRecord ToRecord() => new(
        Id, Publication, PublicationName, Language, UploadedBy, Folder, Request, State, Progress, Error, Node,
        At(LeaseUntil), DateTimeOffset.FromUnixTimeMilliseconds(QueuedAt), At(StartedAt), At(FinishedAt));

    private static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
