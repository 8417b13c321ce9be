using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data.Reader;

/// <summary>Corrections as readers see them and readers' reports, each call in a short-lived context.</summary>
internal sealed class EfReaderFeedback(IDbContextFactory<BroadsheetDbContext> contexts) : IReaderFeedback
{
    public async Task<IReadOnlyList<(Edition Edition, int ArticleId)>> LatestCorrectionsAsync(string slug, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // SQLite cannot order by a DateTimeOffset column; a paper's corrections are few enough to order here.
        var all = await db.Articles.AsNoTracking()
            .Where(a => a.CorrectionNote != null && a.Edition.Status == EditionStatus.Published && a.Edition.Publication.Slug == slug)
            .Select(a => new { a.Id, a.EditionId, a.CorrectedAt })
            .ToListAsync(cancellationToken);
        var corrected = all.OrderByDescending(a => a.CorrectedAt).ThenByDescending(a => a.Id).Take(take).ToList();
        var editionIds = corrected.Select(c => c.EditionId).Distinct().ToList();
        var editions = await db.Editions.AsNoTracking()
            .Where(e => editionIds.Contains(e.Id))
            .Include(e => e.Publication)
            .Include(e => e.Pages)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .AsSplitQuery()
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        return [.. corrected.Select(c => (editions[c.EditionId], c.Id))];
    }

    public async Task<IReadOnlyList<(DateTimeOffset At, string Before, string After)>> RevisionsAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revisions = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId)
            .Select(r => new { r.At, r.Before, r.After })
            .ToListAsync(cancellationToken);
        return [.. revisions.Select(r => (r.At, r.Before, r.After))];
    }

    public async Task AddReportAsync(ReaderReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ReaderReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReaderReport>> OpenReportsAsync(IReadOnlyCollection<int> publicationIds, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = publicationIds.ToList();
        return await db.ReaderReports.AsNoTracking()
            .Where(r => r.ResolvedAt == null && ids.Contains(r.PublicationId))
            .OrderBy(r => r.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    public async Task<(ReaderReport Report, string Slug)?> FindReportAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.ReaderReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var slug = await db.Publications.Where(p => p.Id == report.PublicationId).Select(p => p.Slug).SingleAsync(cancellationToken);
        return (report, slug);
    }

    public async Task ResolveReportAsync(int id, string user, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.ReaderReports.SingleAsync(r => r.Id == id, cancellationToken);
        report.Resolve(user, at);
        await db.SaveChangesAsync(cancellationToken);
    }
}
