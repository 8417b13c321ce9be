namespace Broadsheet.Web.Desk.Imports;

internal enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

internal enum StepState
{
    Waiting,
    Working,
    Done,
}

/// <summary>What the job page and <c>GET /desk/api/imports/{id}</c> show of an import at one moment.</summary>
/// <param name="Stage">The importer's latest step, null while the job waits for its turn.</param>
/// <param name="Percent">The whole import, 0 to 100, for the overall bar.</param>
/// <param name="Error">The importer's message when it failed; nothing was changed.</param>
internal sealed record ImportJobState(
    string Id,
    string Publication,
    string PublicationName,
    JobStatus Status,
    string? Stage,
    string StageText,
    int Percent,
    int PagesDone,
    int PageCount,
    IReadOnlyList<PageProgressState> Pages,
    string? Error,
    JobResult? Result)
{
    public bool Finished => Status is JobStatus.Succeeded or JobStatus.Failed;
}

/// <param name="Steps">One per <see cref="ImportJob.PageStages"/>, in that order.</param>
internal sealed record PageProgressState(string Label, IReadOnlyList<StepState> Steps, bool Done);

/// <summary>The imported edition, with a line per page and where to review and read it.</summary>
internal sealed record JobResult(
    string Date,
    bool Draft,
    bool Replaced,
    int PageCount,
    int ArticleCount,
    IReadOnlyList<PageResult> Pages,
    IReadOnlyList<string> Warnings,
    string DeskUrl,
    string? ReaderUrl);

/// <param name="ReviewNote">What a person should check on this page, if anything (e.g. no text layer).</param>
internal sealed record PageResult(string Label, string Name, int Articles, string? ReviewNote);
