using Broadsheet.Core.Model;
using Broadsheet.Web.Published;
using Broadsheet.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Web.Api;

/// <summary>A paragraph of an article, its kind (body, subhead, caption, credit) and where it is printed: [left, top, width, height] boxes normalised to the page, one a line.</summary>
internal sealed record ParagraphDto(string Text, ParagraphKind Kind, IReadOnlyList<double[]> Boxes);

/// <summary>An article as read on one page, with its paragraphs placed on that page.</summary>
internal sealed record PageArticleDto(int N, ArticleKind Kind, string Headline, string ReaderUrl, IReadOnlyList<ParagraphDto> Paragraphs);

/// <summary>A page's articles in reading order with their paragraphs placed on it (for reading aloud along the page image).</summary>
internal sealed record PageTextDto(string Label, string Name, string ReaderUrl, IReadOnlyList<PageArticleDto> Articles);

/// <summary><c>/api/v1/publications/{slug}/editions/{date}/pages/{label}</c>: a page's text and where each paragraph is printed.</summary>
internal static class PageTextApi
{
    public static RouteGroupBuilder MapPageText(this RouteGroupBuilder editions)
    {
        editions.MapMethods("/editions/{date}/pages/{label}", [HttpMethods.Get, HttpMethods.Head], GetAsync).WithName("GetPageText")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return editions;
    }

    private static async Task<Results<Ok<PageTextDto>, ProblemHttpResult>> GetAsync(
        string slug, string date, string label, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "number")] int? number, PublishedEditions editions, PageHitMarker lines, CancellationToken cancellationToken)
    {
        if (!Reader.IsoDateRouteConstraint.TryParse(date, out var day)
            || await editions.FindAsync(slug, day, number ?? 1, cancellationToken) is not { } edition
            || edition.FindPage(label) is not { } page)
        {
            return TypedResults.Problem($"There is no page '{label}' in a published edition of '{slug}' on '{date}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var printed = await lines.LinesAsync(page, cancellationToken);
        var articles = page.Articles.Select(item =>
        {
            var boxes = PhraseLocator.Paragraphs(printed, item.Article.Paragraphs, item.Regions);
            return new PageArticleDto(
                item.N,
                item.Article.Kind,
                item.Article.Headline,
                item.Url,
                [.. item.Article.Body.Select((paragraph, i) => new ParagraphDto(paragraph.Text, paragraph.Kind, [.. boxes[i].Select(Box)]))]);
        });
        return TypedResults.Ok(new PageTextDto(page.Page.Label, page.Page.Name, page.Url, [.. articles]));
    }

    private static double[] Box(HitBox box) => [Math.Round(box.Left, 5), Math.Round(box.Top, 5), Math.Round(box.Width, 5), Math.Round(box.Height, 5)];
}
