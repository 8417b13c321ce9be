using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Desk;
using Broadsheet.Web.Desk.Doubts;
using Broadsheet.Web.Desk.Layout;
using Broadsheet.Web.Desk.Review;
using Broadsheet.Web.Reader;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Page = Broadsheet.Core.Model.Page;

namespace Broadsheet.Web.Areas.Desk.Pages;

/// <summary>
/// One page of an edition at the desk: the page to work on (deep zoom, numbered and coloured regions, the text
/// layer on demand), what needs a look on it, worst first, and its articles, with the page-first tools.
/// </summary>
internal sealed class ReviewModel(DeskAccess access, IDeskReader reader, PageTexts texts) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public Page Current { get; private set; } = null!;

    public ReviewPage View { get; private set; } = null!;

    /// <summary>The page's articles in reading order, then those printed nowhere (a split's new half), so a region can be drawn for them.</summary>
    public IReadOnlyList<ReviewArticle> Articles => View.Articles;

    /// <summary>The article to select when the page opens (<c>?article=</c>), when it is one of <see cref="Articles"/>.</summary>
    public int? Selected { get; private set; }

    /// <summary>The last structural change that can be undone, as the desk words it.</summary>
    public string? Undo { get; private set; }

    /// <summary>Why the page shows nothing: set with a 404 or 403 status.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string date, string label, int? n, int? article, CancellationToken cancellationToken)
    {
        var (verdict, publication) = await access.PublicationAsync(User, slug, cancellationToken);
        if (verdict != DeskAccess.Verdict.Allowed)
        {
            return Refuse(verdict);
        }

        var edition = IsoDateRouteConstraint.TryParse(date, out var day)
            ? await reader.FindEditionAsync(publication!.Id, day, n ?? 1, cancellationToken)
            : null;
        if (edition?.FindPage(label) is not { } current)
        {
            return Refuse(DeskAccess.Verdict.Missing);
        }

        Edition = edition;
        Current = current;
        var analysis = new PageAnalysis(edition, current, await texts.ForAsync(current, cancellationToken));
        View = new ReviewPage(analysis, DoubtChecks.Of(analysis));
        Selected = Articles.FirstOrDefault(a => a.Article.Id == article)?.Article.Id;
        if (await reader.LatestUndoAsync(edition.Id, cancellationToken) is { } undo)
        {
            Undo = $"{undo.Summary}（{undo.By}，{DeskText.Time(edition.Publication, undo.At)}）";
        }

        return Page();
    }

    private PageResult Refuse(DeskAccess.Verdict verdict)
    {
        Response.StatusCode = verdict == DeskAccess.Verdict.Refused ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
        Refusal = verdict == DeskAccess.Verdict.Refused ? "你的账号不能编辑这份报纸。" : "没有这一期或这一版。";
        return Page();
    }
}
