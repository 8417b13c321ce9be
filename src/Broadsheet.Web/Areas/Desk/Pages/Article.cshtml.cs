using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Desk;
using Broadsheet.Web.Desk.Layout;
using Broadsheet.Web.Desk.Review;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Page = Broadsheet.Core.Model.Page;

namespace Broadsheet.Web.Areas.Desk.Pages;

/// <summary>One article at the desk: its fields and correction note, merge, split, move paragraphs, and its revisions.</summary>
internal sealed class ArticleModel(
    DeskAccess access,
    DeskEditions editions,
    DeskSanitizer sanitizer,
    IDeskReader reader,
    PageTexts texts) : PageModel
{
    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public Article Article { get; private set; } = null!;

    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];

    /// <summary>The pages the article is printed on, in page order.</summary>
    public IReadOnlyList<Page> Pages { get; private set; } = [];

    /// <summary>Each of those pages as the article sits on it: its regions, the printed lines it holds, its photos.</summary>
    public IReadOnlyList<ArticleOnDeskPage> OnPages { get; private set; } = [];

    /// <summary>The edition's last structural change that can be undone, as the desk words it.</summary>
    public string? Undo { get; private set; }

    /// <summary>The other articles of the edition, in reading order: what it can be merged with or give paragraphs to.</summary>
    public IReadOnlyList<Article> Others { get; private set; } = [];

    /// <summary>Where readers read it, when the edition is published and the article has a region.</summary>
    public string? ReaderUrl { get; private set; }

    /// <summary>The review page to draw its regions on: its first page, or the edition's first.</summary>
    public string? ReviewUrl { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Why the page shows nothing: set with a 404 or 403 status.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadAsync(id, keepForm: false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var (edit, error) = Form.Read(sanitizer);
        if (edit is null)
        {
            return await FailAsync(id, error!, keepForm: true, cancellationToken);
        }

        return await ChangeAsync(id, keepForm: true, cancellationToken, (work, article, by) =>
        {
            if (!string.Equals(Form.Loaded, ArticleForm.Fingerprint(article), StringComparison.Ordinal))
            {
                throw new EditConflictException();
            }

            var changed = ArticleChanges.Edit(work, article, edit, by);
            var flash = !changed ? "没有改动；已记为核对过。"
                : work.Edition.Status == EditionStatus.Published ? "已保存，读者页面已更新。"
                : "已保存。这一期还没发布，读者还看不到。";
            return (null, edit.NoteDropped ? flash + "更正说明没有勾选“在读者页面显示更正”，所以没有保存。" : flash);
        });
    }

    public Task<IActionResult> OnPostMergeAsync(int id, int other, CancellationToken cancellationToken) =>
        ChangeAsync(id, keepForm: false, cancellationToken, (work, article, by) =>
        {
            var absorbed = work.Article(other) ?? throw new DomainException("请选一篇同一期的文章来合并。");
            var title = absorbed.Headline;
            ArticleChanges.Merge(work, article, absorbed, by);
            return (null, $"《{title}》已并入本文：它的文字、区域和图片都归到这里。");
        });

    public Task<IActionResult> OnPostSplitAsync(int id, int at, string? headline, CancellationToken cancellationToken) =>
        ChangeAsync(id, keepForm: false, cancellationToken, (work, article, by) =>
        {
            var title = sanitizer.Text(headline) ?? throw new DomainException("请给拆出来的新文章写一个主题。");
            var created = ArticleChanges.Split(work, article, at, title, by);
            var page = work.Edition.Pages.OrderBy(p => p.Order).FirstOrDefault(article.IsOn) ?? work.Edition.Pages.OrderBy(p => p.Order).FirstOrDefault();
            return (
                page is null ? null : () => DeskUrls.Review(work.Edition, page, created.Id),
                $"已拆出《{title}》。它还没有版面区域，读者点不到它：请在版面上为它画出区域（已选中，按“画新区域”）。");
        });

    public Task<IActionResult> OnPostMoveAsync(int id, int from, int to, int target, CancellationToken cancellationToken) =>
        ChangeAsync(id, keepForm: false, cancellationToken, (work, article, by) =>
        {
            var other = work.Article(target) ?? throw new DomainException("请选一篇同一期的文章来接收这些段落。");
            ArticleChanges.Move(work, article, from, to, other, by);
            return (null, $"段落已移到《{other.Headline}》的末尾。");
        });

    /// <summary>Joins the article's one-line paragraphs into the paragraphs its first page prints.</summary>
    public async Task<IActionResult> OnPostJoinLinesAsync(int id, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var edition = (await reader.EditionOfArticleAsync(id, cancellationToken))!;
        var first = edition.Pages.OrderBy(p => p.Order).FirstOrDefault(edition.Articles.First(a => a.Id == id).IsOn);
        var text = first is null ? PageText.Empty : await texts.ForAsync(first, cancellationToken);
        return await ChangeAsync(id, keepForm: false, cancellationToken, (work, article, by) =>
        {
            var page = work.Edition.Pages.FirstOrDefault(p => p.Id == first?.Id) ?? work.Edition.Pages.OrderBy(p => p.Order).First();
            var before = article.Paragraphs.Count;
            var joined = LineEdits.JoinLines(work, new PageAnalysis(work.Edition, page, text), article, by);
            if (joined)
            {
                work.Audit(by, "join-lines", ArticleChanges.SubjectOf(work, article), $"{before}段合成{article.Paragraphs.Count}段");
            }

            return (null, joined ? $"碎行已合并：{before}段成了{article.Paragraphs.Count}段。可以按“撤销上一步”恢复。" : "没有可以合并的碎行。");
        });
    }

    /// <summary>Undoes the edition's last structural change (a merge, a split, a move …), whoever made it, while it still applies.</summary>
    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var editionId = (await reader.OwnerOfArticleAsync(id, cancellationToken))!.EditionId;
        await using var work = await editions.OpenAsync(editionId, cancellationToken);
        if (work is null)
        {
            return NotFound();
        }

        try
        {
            var undone = await work.UndoAsync(DeskAccess.NameOf(User), cancellationToken) ?? throw new DomainException("没有可以撤销的操作。");
            work.Audit(DeskAccess.NameOf(User), "undo", work.Subject, undone);
            await work.SaveAsync(cancellationToken);
            TempData["Flash"] = $"已撤销：{undone}";
            // The undo may have taken away the article this page showed (it was made by the change undone).
            return Redirect(work.Article(id) is null ? DeskUrls.Edition(work.Edition) : DeskUrls.Article(id));
        }
        catch (DomainException e)
        {
            return await FailAsync(id, e.Message, keepForm: false, cancellationToken);
        }
    }

    /// <summary>
    /// Checks access, opens the edition, runs <paramref name="change"/> and saves, then sends the browser to the
    /// address it names (after the save, when new articles have their ids) or back to this article.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        int id,
        bool keepForm,
        CancellationToken cancellationToken,
        Func<EditionWork, Article, string, (Func<string>? Then, string Flash)> change)
    {
        if (await RefusalAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var editionId = (await reader.OwnerOfArticleAsync(id, cancellationToken))!.EditionId;
        await using (var work = await editions.OpenAsync(editionId, cancellationToken))
        {
            if (work?.Article(id) is not { } article)
            {
                return NotFound();
            }

            try
            {
                var (then, flash) = change(work, article, DeskAccess.NameOf(User));
                await work.SaveAsync(cancellationToken);
                TempData["Flash"] = flash;
                return Redirect(then?.Invoke() ?? DeskUrls.Article(id));
            }
            catch (EditConflictException)
            {
                return await ConflictAsync(id, cancellationToken);
            }
            catch (DomainException e)
            {
                return await FailAsync(id, e.Message, keepForm, cancellationToken);
            }
        }
    }

    private async Task<IActionResult> FailAsync(int id, string error, bool keepForm, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(id, keepForm, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Someone saved the article after this editor opened it: their typing is kept in the form and nothing is
    /// saved; the page says who changed it and when, and a second save (now against the current version) goes through.
    /// </summary>
    private async Task<IActionResult> ConflictAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, keepForm: true, cancellationToken);
        Form.Loaded = ArticleForm.Fingerprint(Article);
        var last = Revisions.FirstOrDefault();
        var who = last is null ? "有人" : $"{last.By}在 {DeskText.Time(Edition.Publication, last.At)} ";
        Error = $"你打开这篇文章之后，{who}改过它（见下方的修订记录）。你的改动还在表单里，没有保存；核对之后再按一次“保存”，就以你的版本为准。";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>404 when there is no such article, 403 when it belongs to a publication the user may not work on.</summary>
    private async Task<IActionResult?> RefusalAsync(int id, CancellationToken cancellationToken)
    {
        var owner = await reader.OwnerOfArticleAsync(id, cancellationToken);
        if (owner is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Refusal = "没有这篇文章；它可能已经并入了另一篇。";
            return Page();
        }

        if (!await access.MayWorkOnAsync(User, owner.PublicationId, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Refusal = "你的账号不能编辑这份报纸。";
            return Page();
        }

        return null;
    }

    private async Task LoadAsync(int id, bool keepForm, CancellationToken cancellationToken)
    {
        Edition = (await reader.EditionOfArticleAsync(id, cancellationToken))!;
        Article = Edition.Articles.First(a => a.Id == id);
        Revisions = await reader.RevisionsAsync(id, cancellationToken);
        Pages = [.. Edition.Pages.OrderBy(p => p.Order).Where(Article.IsOn)];
        Others = [.. Edition.Articles.Where(a => a.Id != id).OrderBy(a => a.Order)];
        if (!keepForm)
        {
            Form = ArticleForm.Of(Article);
        }

        var onPages = new List<ArticleOnDeskPage>();
        foreach (var page in Pages)
        {
            onPages.Add(ArticleOnDeskPage.Of(new PageAnalysis(Edition, page, await texts.ForAsync(page, cancellationToken)), Article));
        }

        OnPages = onPages;
        if (await reader.LatestUndoAsync(Edition.Id, cancellationToken) is { } undo)
        {
            Undo = $"{undo.Summary}（{undo.By}，{DeskText.Time(Edition.Publication, undo.At)}）";
        }

        var reviewPage = Pages.FirstOrDefault() ?? Edition.Pages.OrderBy(p => p.Order).FirstOrDefault();
        ReviewUrl = reviewPage is null ? null : DeskUrls.Review(Edition, reviewPage, id);
        if (Edition.Status == EditionStatus.Published && ArticleHomes.Of(Edition).FirstOrDefault(h => h.Article.Id == id) is { } home)
        {
            ReaderUrl = ReaderUrls.Article(Edition.Publication.Slug, Edition.Date, home.Page.Label, home.N, Edition.Number);
        }
    }

    /// <summary>The page labels of an article, for the lists of other articles: "01、02".</summary>
    public string LabelsOf(Article article) =>
        string.Join("、", Edition.Pages.OrderBy(p => p.Order).Where(article.IsOn).Select(p => p.Label));
}

/// <summary>The article changed since the form was filled in.</summary>
internal sealed class EditConflictException : Exception
{
}
