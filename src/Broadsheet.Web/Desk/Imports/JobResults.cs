using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Desk.Imports;

/// <summary>What the job page shows once an import has saved its edition.</summary>
internal static class JobResults
{
    /// <summary>The edition as it was saved: a line per page in edition order, with the articles that have a region on it.</summary>
    public static async Task<JobResult> DescribeAsync(IDeskReader desk, string slug, ImportResult imported, CancellationToken cancellationToken)
    {
        var edition = await desk.EditionAsync(imported.EditionId, cancellationToken)
            ?? throw new InvalidOperationException($"The imported edition {imported.EditionId} is not in the database.");
        var published = edition.Status == EditionStatus.Published;
        var date = ReaderUrls.Date(imported.Date);
        return new JobResult(
            date,
            Draft: !published,
            imported.Replaced,
            imported.PageCount,
            imported.ArticleCount,
            [.. edition.Pages.OrderBy(p => p.Order).Select(p => new PageResult(p.Label, p.Name, ArticleHomes.On(edition, p).Count, p.ReviewNote))],
            imported.Warnings,
            $"/desk/{slug}/{date}",
            published ? ReaderUrls.Edition(slug, imported.Date, edition.Number) : null);
    }
}
