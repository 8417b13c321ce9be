using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Desk;
using Broadsheet.Web.Desk.Review;
using Broadsheet.Web.Reader;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Page = Broadsheet.Core.Model.Page;

namespace Broadsheet.Web.Areas.Desk.Pages;

/// <summary>One page of an edition as detected: its image with every region, its articles, and the hotspot editor.</summary>
internal sealed class ReviewModel(DeskAccess access, IDeskReader reader) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public Page Current { get; private set; } = null!;

    /// <summary>The page's articles in reading order, then those printed nowhere (a split's new half), so a region can be drawn for them.</summary>
    public IReadOnlyList<ReviewArticle> Articles { get; private set; } = [];

    /// <summary>The article to select when the page opens (<c>?article=</c>), when it is one of <see cref="Articles"/>.</summary>
    public int? Selected { get; private set; }

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
        var onPage = ArticleHomes.On(edition, current);
        Articles =
        [
            .. edition.Articles.OrderBy(a => a.Order)
                .Where(a => onPage.Contains(a) || a.Regions.Count == 0)
                .Select(a => new ReviewArticle(
                    a,
                    [.. a.Regions.Where(r => ArticleHomes.IsOn(r, current)).Select(r => r.Polygon)],
                    [.. edition.Pages.Where(p => p.Id != current.Id && a.IsOn(p)).OrderBy(p => p.Order)])),
        ];
        Selected = Articles.FirstOrDefault(a => a.Article.Id == article)?.Article.Id;
        return Page();
    }

    private PageResult Refuse(DeskAccess.Verdict verdict)
    {
        Response.StatusCode = verdict == DeskAccess.Verdict.Refused ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
        Refusal = verdict == DeskAccess.Verdict.Refused ? "你的账号不能编辑这份报纸。" : "没有这一期或这一版。";
        return Page();
    }
}

/// <summary>An article as the review page lists it: its regions on the page shown and the other pages it is printed on.</summary>
internal sealed record ReviewArticle(Article Article, IReadOnlyList<Polygon> Regions, IReadOnlyList<Page> OtherPages)
{
    public bool Unplaced => Article.Regions.Count == 0;
}
