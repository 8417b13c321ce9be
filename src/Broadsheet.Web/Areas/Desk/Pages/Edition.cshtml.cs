using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Desk;
using Broadsheet.Web.Desk.Doubts;
using Broadsheet.Web.Desk.Layout;
using Broadsheet.Web.Desk.Publishing;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages;

/// <summary><c>/desk/{slug}/{date}</c>: one edition's pages and articles, and publishing it.</summary>
internal sealed class EditionModel(
    DeskAccess access,
    IDeskReader reader,
    PageTexts texts,
    EditionPublishing publishing,
    TimeProvider clock) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public IReadOnlyDictionary<Article, ArticleHome> Homes { get; private set; } = new Dictionary<Article, ArticleHome>();

    public IReadOnlyList<Article> WithoutRegion { get; private set; } = [];

    /// <summary>What needs a look on every page of the edition, worst first.</summary>
    public IReadOnlyList<Doubt> Doubts { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>The schedule field's value: the publication's local time, an hour from now, on the hour.</summary>
    public string ScheduleDefault { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string date, int? n, CancellationToken cancellationToken) =>
        await LoadAsync(slug, date, n, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostPublishAsync(string slug, string date, int? n, CancellationToken cancellationToken) =>
        ActAsync(slug, date, n, id => publishing.PublishAsync(id, DeskAccess.NameOf(User), cancellationToken), "已发布，读者现在可以看到这一期。", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string slug, string date, int? n, CancellationToken cancellationToken) =>
        ActAsync(slug, date, n, id => publishing.WithdrawAsync(id, DeskAccess.NameOf(User), cancellationToken), "已撤回，读者和搜索都看不到这一期了。", cancellationToken);

    public Task<IActionResult> OnPostUnscheduleAsync(string slug, string date, int? n, CancellationToken cancellationToken) =>
        ActAsync(slug, date, n, id => publishing.UnscheduleAsync(id, DeskAccess.NameOf(User), cancellationToken), "已取消定时，这一期回到草稿。", cancellationToken);

    public Task<IActionResult> OnPostScheduleAsync(string slug, string date, int? n, string? at, CancellationToken cancellationToken) =>
        ActAsync(slug, date, n, id =>
        {
            if (!DateTime.TryParseExact(at, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new DomainException("Give the time to publish as a date and a time.");
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(Edition.Publication.TimeZoneId);
            var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return publishing.ScheduleAsync(id, instant, DeskAccess.NameOf(User), cancellationToken);
        }, "已定时，到时间会自动发布（服务器重启也不影响）。", cancellationToken);

    public string ReviewLink(Core.Model.Page page) =>
        $"/desk/{Edition.Publication.Slug}/{Edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{page.Label}" + (Edition.Number > 1 ? $"?n={Edition.Number}" : "");

    /// <summary>The edition's number when it is not the day's first, for the forms to act on it and not on the first (null otherwise).</summary>
    public int? LaterNumber => Edition.Number > 1 ? Edition.Number : null;

    public string ReaderLink => ReaderUrls.Edition(Edition.Publication.Slug, Edition.Date, Edition.Number);

    /// <summary>The edition's publish time in the publication's own time zone.</summary>
    public string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Edition.Publication.TimeZoneId)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<IActionResult> ActAsync(string slug, string date, int? n, Func<int, Task> action, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, date, n, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            await action(Edition.Id);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            return Page();
        }

        TempData["Flash"] = done;
        return Redirect(Request.Path + Request.QueryString);
    }

    /// <summary>Loads the edition for this user; returns the refusal (404/403) when there is nothing to show.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, string date, int? n, CancellationToken cancellationToken)
    {
        var (verdict, publication) = await access.PublicationAsync(User, slug, cancellationToken);
        if (verdict != DeskAccess.Verdict.Allowed)
        {
            return verdict == DeskAccess.Verdict.Missing ? NotFound() : Forbid();
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return NotFound();
        }

        var edition = await reader.FindEditionAsync(publication!.Id, day, n ?? 1, cancellationToken);
        if (edition is null)
        {
            return NotFound();
        }

        Edition = edition;
        Homes = ArticleHomes.Of(edition).ToDictionary(h => h.Article);
        var doubts = new List<Doubt>();
        foreach (var page in edition.Pages.OrderBy(p => p.Order))
        {
            doubts.AddRange(DoubtChecks.Of(new PageAnalysis(edition, page, await texts.ForAsync(page, cancellationToken))));
        }

        Doubts = [.. doubts.OrderByDescending(d => d.Severity).ThenBy(d => d.Page.Order)];
        WithoutRegion = [.. edition.Articles.Where(a => a.Regions.Count == 0).OrderBy(a => a.Order)];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(edition.Publication.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).AddHours(1);
        ScheduleDefault = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified)
            .ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return null;
    }
}
