using Broadsheet.Ingest;

namespace Broadsheet.Web.Desk.Imports;

/// <summary>
/// One upload being imported: what the importer reports as it goes, then its result or its message. The
/// importer reports from several pages at once, so every change and every <see cref="Snapshot"/> takes the lock.
/// </summary>
internal sealed class ImportJob : IProgress<ImportProgress>
{
    /// <summary>The steps of one page, in the order the desk's table shows them (as the command line's bars count them).</summary>
    public static readonly ImportStage[] PageStages = [ImportStage.ReadingText, ImportStage.Detecting, ImportStage.Rasterising, ImportStage.MakingImages, ImportStage.Storing];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PageState> _pages = new(StringComparer.Ordinal);
    private ImportStage? _stage;
    private int _pagesDone;
    private int _pageCount;
    private JobOutcome? _outcome;

    public ImportJob(string id, string slug, string publicationName, string user, ImportRequest request, string folder, DateTimeOffset queuedAt)
    {
        Id = id;
        Slug = slug;
        PublicationName = publicationName;
        User = user;
        Request = request;
        Folder = folder;
        QueuedAt = queuedAt;
    }

    public string Id { get; }

    public string Slug { get; }

    /// <summary>The publication's language (<c>zh-CN</c>, <c>en</c>): the desk words the job's refusals in it.</summary>
    public string? Language { get; init; }

    public string PublicationName { get; }

    /// <summary>Who uploaded it, for the audit log.</summary>
    public string User { get; }

    public ImportRequest Request { get; }

    /// <summary>The upload's staging folder, removed when the job ends however it ends.</summary>
    public string Folder { get; }

    public DateTimeOffset QueuedAt { get; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public void Report(ImportProgress value)
    {
        lock (_gate)
        {
            _stage = value.Stage;
            _pagesDone = value.PagesDone;
            _pageCount = value.PageCount;
            if (value.PageLabel is not { } label)
            {
                return;
            }

            if (!_pages.TryGetValue(label, out var page))
            {
                _pages[label] = page = new PageState();
            }

            page.Latest = value.Stage;
            page.Seen.Add(value.Stage);
            if (value.Stage == ImportStage.Storing)
            {
                // The page reports Storing when it starts putting its files away and once more when they are
                // stored; the second report is the only sign that the page is finished.
                page.StoringReports++;
            }
        }
    }

    public void Succeed(JobResult result, DateTimeOffset at) => Finish(new JobOutcome(result, null), at);

    public void Fail(string message, DateTimeOffset at) => Finish(new JobOutcome(null, message), at);

    private void Finish(JobOutcome outcome, DateTimeOffset at)
    {
        lock (_gate)
        {
            _outcome = outcome;
            FinishedAt = at;
        }
    }

    public ImportJobState Snapshot()
    {
        lock (_gate)
        {
            var saving = _stage is ImportStage.Saving or ImportStage.Done || _outcome?.Result is not null;
            var pages = _pages
                .OrderBy(p => p.Key.Length)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new PageProgressState(p.Key, [.. PageStages.Select(s => StepOf(p.Value, s, saving))], saving || p.Value.StoringReports >= 2))
                .ToList();
            var state = _outcome switch
            {
                { Result: not null } => JobStatus.Succeeded,
                { Error: not null } => JobStatus.Failed,
                _ when _stage is null => JobStatus.Queued,
                _ => JobStatus.Running,
            };
            return new ImportJobState(
                Id,
                Slug,
                PublicationName,
                state,
                _stage?.ToString(),
                StageText(state, _stage),
                Percent(state, pages),
                _pagesDone,
                _pageCount,
                pages,
                _outcome?.Error,
                _outcome?.Result);
        }
    }

    private static StepState StepOf(PageState page, ImportStage stage, bool saving)
    {
        if (saving || page.StoringReports >= 2)
        {
            return StepState.Done;
        }

        if (!page.Seen.Contains(stage))
        {
            return StepState.Waiting;
        }

        // Rendering runs beside reading and detecting, so an earlier step can still be at work: a step is done
        // once the page has reported a step after it in the table's order, or its own next one.
        var index = Array.IndexOf(PageStages, stage);
        var later = PageStages.Skip(index + 1).Any(page.Seen.Contains);
        return page.Latest == stage || !later ? StepState.Working : StepState.Done;
    }

    private int Percent(JobStatus state, IReadOnlyList<PageProgressState> pages)
    {
        if (state == JobStatus.Succeeded)
        {
            return 100;
        }

        var count = Math.Max(_pageCount, pages.Count);
        return _stage switch
        {
            null or ImportStage.Unpacking => 1,
            ImportStage.Validating => 2 + (count == 0 ? 0 : 8 * _pagesDone / count),
            ImportStage.Saving or ImportStage.Done => 96,
            _ => 10 + (count == 0 ? 0 : 85 * pages.Sum(p => p.Done ? PageStages.Length : p.Steps.Count(s => s == StepState.Done)) / (count * PageStages.Length)),
        };
    }

    internal static string StageText(JobStatus state, ImportStage? stage) => state switch
    {
        JobStatus.Queued => "排队中，等前一期导入完成",
        JobStatus.Succeeded => "导入完成",
        JobStatus.Failed => "导入失败，什么也没有改动",
        _ => stage switch
        {
            ImportStage.Unpacking => "打开文件",
            ImportStage.Validating => "检查各版文件",
            ImportStage.Saving => "保存到数据库",
            ImportStage.Done => "导入完成",
            _ => "处理各版",
        },
    };

    public static string StepName(ImportStage stage) => stage switch
    {
        ImportStage.ReadingText => "读取文字",
        ImportStage.Detecting => "识别文章",
        ImportStage.Rasterising => "渲染版面",
        ImportStage.MakingImages => "生成图片",
        _ => "存储",
    };

    private sealed class PageState
    {
        public HashSet<ImportStage> Seen { get; } = [];

        public ImportStage Latest { get; set; }

        public int StoringReports { get; set; }
    }

    private sealed record JobOutcome(JobResult? Result, string? Error);
}
