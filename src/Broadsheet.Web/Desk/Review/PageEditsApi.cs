using Broadsheet.Core.Model;
using Broadsheet.Web.Desk.Layout;
using Broadsheet.Web.Desk.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

// In the desk's namespace so MapDesk calls it without a using of its own.
namespace Broadsheet.Web.Desk;

/// <summary>
/// The review page's page-first edits, one endpoint each: give picked lines to an article, draw a new article,
/// photos (photo news, give, move, re-crop, delete), an overlap given up, delete, reorder and re-kind articles, link a fragment, join
/// one-line paragraphs, mark as checked, and undo the last structural change. Each is one unit of work and
/// answers what the desk should say.
/// </summary>
internal static class PageEditsApi
{
    internal static RouteGroupBuilder MapPageEditsApi(this RouteGroupBuilder api)
    {
        var edition = api.MapGroup("/editions/{editionId:int}");
        edition.MapPost("/pages/{label}/lines", (int editionId, string label, LinesBody body, HttpContext http, DeskEditions editions, DeskAccess access, PageTexts texts, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, async work =>
            {
                var page = PageOf(work, label);
                var target = ArticleOf(work, body.Article);
                var analysis = new PageAnalysis(work.Edition, page, await texts.ForAsync(page, ct));
                var role = Enum.TryParse<LineRole>(body.Role, ignoreCase: true, out var r) ? r : throw new DomainException($"没有“{body.Role}”这种用法。");
                var message = LineEdits.Assign(work, analysis, body.Lines ?? [], target, role, body.At, body.Image, By(http));
                work.Audit(By(http), "assign-lines", ArticleChanges.SubjectOf(work, target),
                    $"第{page.Label}版上的{body.Lines?.Count ?? 0}行作{LineEdits.RoleName(role, body.At)}");
                return (message, target);
            }));
        edition.MapPost("/pages/{label}/articles", (int editionId, string label, NewArticleBody body, HttpContext http, DeskEditions editions, DeskAccess access, PageTexts texts, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, async work =>
            {
                var page = PageOf(work, label);
                var analysis = new PageAnalysis(work.Edition, page, await texts.ForAsync(page, ct));
                var drawn = body.Polygon is { Count: >= 3 } points ? ToPolygon(points) : null;
                var created = LineEdits.NewArticle(work, analysis, body.Lines ?? [], drawn, By(http));
                work.Audit(By(http), "new-article", $"{work.Subject} 《{created.Headline}》", $"第{page.Label}版");
                return ($"已新建《{created.Headline}》。", created);
            }));
        edition.MapPost("/images/{imageId:int}/photo-news", (int editionId, int imageId, HttpContext http, DeskEditions editions, DeskAccess access, PageTexts texts, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, async work =>
            {
                var image = ImageOf(work, imageId);
                var analysis = new PageAnalysis(work.Edition, image.Page, await texts.ForAsync(image.Page, ct));
                var created = PhotoEdits.PhotoNews(work, analysis, image, By(http));
                work.Audit(By(http), "new-article", $"{work.Subject} 《{created.Headline}》", "图片新闻");
                return ($"已做成图片新闻《{created.Headline}》。", created);
            }));
        edition.MapPost("/images/{imageId:int}/trim", (int editionId, int imageId, HttpContext http, DeskEditions editions, DeskAccess access, PageTexts texts, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, async work =>
            {
                var image = ImageOf(work, imageId);
                var analysis = new PageAnalysis(work.Edition, image.Page, await texts.ForAsync(image.Page, ct));
                var message = PhotoEdits.Trim(work, analysis, image, By(http));
                work.Audit(By(http), "crop-photo", ArticleChanges.SubjectOf(work, image.Article), "裁掉框里的文字");
                return (message, (Article?)image.Article);
            }));
        edition.MapPut("/images/{imageId:int}", (int editionId, int imageId, ImageBody body, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, work =>
            {
                var image = ImageOf(work, imageId);
                if (body.Article is { } to)
                {
                    var target = ArticleOf(work, to);
                    var from = image.Article.Headline;
                    var given = PhotoEdits.Give(work, image, target, By(http));
                    work.Audit(By(http), "move-photo", ArticleChanges.SubjectOf(work, target), $"从《{from}》移来");
                    return Task.FromResult((given, (Article?)target));
                }

                var polygon = body.Polygon is { Count: >= 3 } points ? ToPolygon(points) : throw new DomainException("请给出图片的新范围。");
                var framed = PhotoEdits.Reframe(work, image, polygon, By(http));
                work.Audit(By(http), "crop-photo", ArticleChanges.SubjectOf(work, image.Article));
                return Task.FromResult((framed, (Article?)image.Article));
            }));
        edition.MapDelete("/images/{imageId:int}", (int editionId, int imageId, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, work =>
            {
                var image = ImageOf(work, imageId);
                var article = image.Article;
                var deleted = PhotoEdits.Delete(work, image, By(http));
                work.Audit(By(http), "delete-photo", ArticleChanges.SubjectOf(work, article));
                return Task.FromResult((deleted, (Article?)article));
            }));
        edition.MapDelete("/articles/{id:int}", (int editionId, int id, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, work => Task.FromResult((ArticleOps.Delete(work, ArticleOf(work, id), By(http)), (Article?)null))));
        edition.MapPost("/articles/{id:int}/move", (int editionId, int id, MoveBody body, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, work =>
            {
                var article = ArticleOf(work, id);
                return Task.FromResult((ArticleOps.Move(work, PageOf(work, body.Page), article, body.Steps, By(http)), (Article?)article));
            }));
        edition.MapPost("/articles/{id:int}/kind", (int editionId, int id, KindBody body, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, work =>
            {
                var article = ArticleOf(work, id);
                var kind = Enum.TryParse<ArticleKind>(body.Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : throw new DomainException("没有这种文章类型。");
                return Task.FromResult((ArticleOps.Kind(work, article, kind, By(http)), (Article?)article));
            }));
        edition.MapPost("/articles/{id:int}/join-lines", (int editionId, int id, PageBody body, HttpContext http, DeskEditions editions, DeskAccess access, PageTexts texts, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, async work =>
            {
                var article = ArticleOf(work, id);
                var page = PageOf(work, body.Page);
                var analysis = new PageAnalysis(work.Edition, page, await texts.ForAsync(page, ct));
                var before = article.Paragraphs.Count;
                var joined = LineEdits.JoinLines(work, analysis, article, By(http));
                if (joined)
                {
                    work.Audit(By(http), "join-lines", ArticleChanges.SubjectOf(work, article), $"{before}段合成{article.Paragraphs.Count}段");
                }

                return (joined ? $"碎行已合并：{before}段成了{article.Paragraphs.Count}段。" : "没有可以合并的碎行。", (Article?)article);
            }));
        edition.MapPost("/articles/{id:int}/link", (int editionId, int id, LinkBody body, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, work =>
            {
                var story = ArticleOf(work, id);
                var fragment = ArticleOf(work, body.Fragment);
                if (ReferenceEquals(story, fragment))
                {
                    throw new DomainException("请点另一篇文章：一篇文章不能接在它自己后面。");
                }

                return Task.FromResult((ArticleOps.Link(work, story, fragment, By(http)), (Article?)story));
            }));
        edition.MapPost("/articles/{id:int}/yield", (int editionId, int id, YieldBody body, HttpContext http, DeskEditions editions, DeskAccess access, PageTexts texts, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, async work =>
            {
                var page = PageOf(work, body.Page);
                var article = ArticleOf(work, id);
                var analysis = new PageAnalysis(work.Edition, page, await texts.ForAsync(page, ct));
                var message = RegionEdits.Yield(work, analysis, article, ArticleOf(work, body.Other), By(http));
                work.Audit(By(http), "edit-regions", ArticleChanges.SubjectOf(work, article), $"第{page.Label}版：让出重叠的部分");
                return (message, (Article?)article);
            }));
        edition.MapPost("/articles/{id:int}/checked", (int editionId, int id, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, work =>
            {
                var article = ArticleOf(work, id);
                return Task.FromResult((ArticleOps.Check(work, article, By(http)), (Article?)article));
            }));
        edition.MapPost("/pages/{label}/checked", (int editionId, string label, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, work => Task.FromResult((ArticleOps.CheckPage(work, PageOf(work, label), By(http)), (Article?)null))));
        edition.MapPost("/undo", (int editionId, HttpContext http, DeskEditions editions, DeskAccess access, CancellationToken ct) =>
            ChangeAsync(http, editions, access, editionId, ct, async work =>
            {
                var undone = await work.UndoAsync(By(http), ct) ?? throw new DomainException("没有可以撤销的操作。");
                work.Audit(By(http), "undo", work.Subject, undone);
                return ($"已撤销：{undone}", (Article?)null);
            }));
        return api;
    }

    private static async Task<Results<Ok<ChangeAnswer>, NotFound, ForbidHttpResult, ProblemHttpResult>> ChangeAsync(
        HttpContext http,
        DeskEditions editions,
        DeskAccess access,
        int editionId,
        CancellationToken cancellationToken,
        Func<EditionWork, Task<(string Message, Article? Select)>> change)
    {
        await using var work = await editions.OpenAsync(editionId, cancellationToken);
        if (work is null)
        {
            return TypedResults.NotFound();
        }

        if (!await access.MayWorkOnAsync(http.User, work.Edition.PublicationId, cancellationToken))
        {
            return TypedResults.Forbid();
        }

        try
        {
            var (message, select) = await change(work);
            await work.SaveAsync(cancellationToken);
            var published = work.Edition.Status == EditionStatus.Published;
            var ended = message.Length > 0 && "。！？".Contains(message[^1], StringComparison.Ordinal) ? message : message + "。";
            return TypedResults.Ok(new ChangeAnswer(
                ended + (published ? "读者页面已更新。" : "这一期还没发布，读者还看不到。"),
                select is not null && work.Edition.Articles.Contains(select) ? select.Id : null));
        }
        catch (DomainException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "没有改动");
        }
    }

    private static string By(HttpContext http) => DeskAccess.NameOf(http.User);

    private static Page PageOf(EditionWork work, string? label) =>
        work.Edition.FindPage(label ?? "") ?? throw new DomainException($"这一期没有第{label}版。");

    private static Article ArticleOf(EditionWork work, int id) =>
        work.Article(id) ?? throw new DomainException("这篇文章已经不在这一期里了；请重新打开本页。");

    private static ArticleImage ImageOf(EditionWork work, int id) =>
        work.Edition.Articles.SelectMany(a => a.Images).FirstOrDefault(i => i.Id == id) ?? throw new DomainException("这张图片已经不在这一期里了；请重新打开本页。");

    private static Polygon ToPolygon(List<double[]> points)
    {
        if (points.Count > 400 || points.Exists(p => p is null || p.Length != 2))
        {
            throw new DomainException("区域的点要写成 [x, y]，最多 400 个。");
        }

        return new Polygon(points.Select(p => new NormalisedPoint(Math.Clamp(p[0], 0, 1), Math.Clamp(p[1], 0, 1))));
    }
}

internal sealed record ChangeAnswer(string Message, int? Select);

internal sealed record LinesBody(int Article, List<int>? Lines, string? Role, int? At, int? Image);

internal sealed record NewArticleBody(List<int>? Lines, List<double[]>? Polygon);

internal sealed record ImageBody(List<double[]>? Polygon, int? Article);

internal sealed record MoveBody(string? Page, int Steps);

internal sealed record KindBody(string? Kind);

internal sealed record PageBody(string? Page);

internal sealed record LinkBody(int Fragment);

internal sealed record YieldBody(int Other, string? Page);
