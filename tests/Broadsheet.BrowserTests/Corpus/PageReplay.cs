using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Corpus;

/// <summary>
/// Fixes a page at the review page as an editor who knows the right answer would: it compares what the page shows
/// (each line coloured by the article that holds it) with the page's truth file, picks the next thing that is
/// wrong, and fixes it with the desk's own tools (a doubt item or the article list to select, a photo made photo
/// news, a block of text given to the article it belongs to, a fragment made the subheadline it is, one-line
/// paragraphs joined, a byline lifted), until nothing it can see is wrong. Whatever detection gets right needs no
/// action, so the replay shrinks as detection improves.
/// </summary>
internal sealed partial class PageReplay(EditorActions editor, IReadOnlyList<TruthArticle> truth, Action<string> log)
{
    /// <summary>Past this many actions, only what makes an article whole is done (no bylines, no joining).</summary>
    private const int OptionalUntil = 33;

    private readonly HashSet<string> _tried = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedDoubts = new(StringComparer.Ordinal);

    private IPage Page => editor.Page;

    public async Task FixAsync(int maxSteps = 30)
    {
        for (var step = 0; step < maxSteps; step++)
        {
            var state = await ReviewState.ReadAsync(Page);
            var fix = Next(state);
            if (fix is null)
            {
                return;
            }

            _tried.Add(fix.Key);
            log($"fix: {fix.Key}");
            await PerformAsync(state, fix);
        }
    }

    // Deciding --------------------------------------------------------------------------------------------------------

    private Fix? Next(ReviewState state)
    {
        var matched = truth.ToDictionary(t => t, t => MatchOf(state, t));
        return Candidates(state, matched).FirstOrDefault(f => !_tried.Contains(f.Key));
    }

    private IEnumerable<Fix> Candidates(ReviewState state, Dictionary<TruthArticle, string?> matched)
    {
        // 1. An article detection missed: its photo made photo news, or its headline made a new article.
        foreach (var (t, _) in matched.Where(m => m.Value is null))
        {
            var photo = state.Photos.FirstOrDefault(p => t.Contains.Any(c => TruthScore.Norm(p.Caption).Contains(TruthScore.Norm(c), StringComparison.Ordinal)));
            if (photo is not null)
            {
                yield return new Fix("photo-news " + t.Headline, FixKind.PhotoNews, null, [], null, null, photo.Id);
                continue;
            }

            var block = state.Lines.GroupBy(l => l.Block)
                .FirstOrDefault(b => TruthScore.Ratio(TruthScore.Norm(string.Concat(b.Select(l => l.Text))), TruthScore.Norm(t.Headline)) >= 0.8);
            if (block is not null)
            {
                yield return new Fix("new " + t.Headline, FixKind.NewArticle, null, [.. block.Select(l => l.Index)], null, null, null);
            }
        }

        // 2. A fragment that is another article's subheadline or kicker, made into it.
        foreach (var article in state.Articles.Where(a => !matched.ContainsValue(a.Id)))
        {
            var headline = TruthScore.Norm(article.Headline);
            foreach (var (t, owner) in matched.Where(m => m.Value is not null))
            {
                foreach (var (role, text) in new[] { ("subheadline", t.Subheadline), ("kicker", t.Kicker) })
                {
                    if (text is not null && TruthScore.Ratio(headline, TruthScore.Norm(text).Trim('—')) >= 0.8)
                    {
                        var lines = state.Lines.Where(l => l.Article == article.Id && l.Field == "headline").Select(l => l.Index).ToList();
                        if (lines.Count > 0)
                        {
                            yield return new Fix($"{role} {t.Headline}", FixKind.Assign, owner, lines, role, null, null);
                        }
                    }
                }
            }
        }

        // 3. Text of an article held by another: the block it is printed in, given back.
        foreach (var (t, owner) in matched.Where(m => m.Value is not null))
        {
            var text = state.TextOf(owner!);
            foreach (var phrase in t.Contains.Where(c => !text.Contains(TruthScore.Norm(c), StringComparison.Ordinal)))
            {
                var printed = state.LinesOf(phrase);
                if (printed.Count == 0 || printed[0].Article == owner)
                {
                    continue;
                }

                var lines = Portion(state, printed[0].Block, t, phrase).Where(l => l.Article != owner).Select(l => l.Index).ToList();
                if (lines.Count > 0)
                {
                    var first = ReferenceEquals(phrase, t.Contains[0]);
                    yield return new Fix($"body {t.Headline} {phrase}", FixKind.Assign, owner, lines, "body", first ? 0 : null, null);
                }
            }
        }

        // 4. A photo's frame drawn over other articles' text, pulled in.
        foreach (var doubt in state.Doubts.Where(d => d.Kind == "PhotoOverText"))
        {
            var photo = state.Photos.FirstOrDefault(p => p.Box == doubt.Box) ?? state.Photos.FirstOrDefault(p => p.Article == doubt.Article);
            if (photo is not null)
            {
                yield return new Fix("trim " + photo.Id, FixKind.Trim, null, [], null, null, photo.Id);
            }
        }

        // 5. A region drawn over another article's photo or text (a reader's tap there opens the wrong article): the
        // shared part given up, with the doubt's own button; a region over a photo first, it is the worse.
        foreach (var doubt in state.Doubts.Where(d => d.Kind is "CoversPhoto" or "Overlap" && d.CanYield).OrderBy(d => d.Kind == "CoversPhoto" ? 0 : 1))
        {
            yield return new Fix("yield " + doubt.Key, FixKind.Yield, doubt.Article, [], null, null, null, doubt.Key);
        }

        if (editor.Actions >= OptionalUntil)
        {
            yield break;
        }

        // 6. A kicker or subheadline read into the headline or the body, given its own place.
        foreach (var (t, owner) in matched.Where(m => m.Value is not null))
        {
            foreach (var (role, text) in new[] { ("kicker", t.Kicker), ("subheadline", t.Subheadline) })
            {
                var want = TruthScore.Norm(text).Trim('—');
                var held = TruthScore.Norm(string.Concat(state.Lines.Where(l => l.Article == owner && l.Field == role).Select(l => l.Text)));
                if (want.Length == 0 || held.Contains(want, StringComparison.Ordinal))
                {
                    continue;
                }

                var block = state.Lines.GroupBy(l => l.Block)
                    .FirstOrDefault(b => TruthScore.Ratio(TruthScore.Norm(string.Concat(b.Select(l => l.Text))).Trim('—'), want) >= 0.8);
                if (block is not null)
                {
                    yield return new Fix($"{role} {t.Headline}", FixKind.Assign, owner, [.. block.Select(l => l.Index)], role, null, null);
                }
            }
        }

        // 7. An article that is no article of the page and holds no text (a fragment of an advert, a stray label), deleted.
        foreach (var doubt in state.Doubts.Where(d => d.Kind == "NoText" && d.Article is not null && !matched.ContainsValue(d.Article)))
        {
            yield return new Fix("delete " + doubt.Article, FixKind.Delete, doubt.Article, [], null, null, null);
        }

        // 8. Columns whose lines came in as paragraphs of one line each, joined.
        foreach (var doubt in state.Doubts.Where(d => d.Kind == "Fragmented" && d.Article is not null))
        {
            yield return new Fix("join " + doubt.Article, FixKind.Join, doubt.Article, [], null, null, null);
        }

        // 9. A byline printed on a line of its own, lifted out of the body it was read into.
        foreach (var (t, owner) in matched.Where(m => m.Value is not null && m.Key.Byline is not null))
        {
            var names = Names(t.Byline!);
            var held = Names(string.Concat(state.Lines.Where(l => l.Article == owner && l.Field == "byline").Select(l => l.Text)));
            if (names.Length == 0 || held.Contains(names, StringComparison.Ordinal))
            {
                continue;
            }

            var line = state.Lines.FirstOrDefault(l => state.BlockLines(l.Block).Count == 1 && l.Text.Length <= 40 && Names(l.Text).Contains(names, StringComparison.Ordinal));
            // Not a line that is rightly another article's byline (two stories by one reporter).
            var holder = line?.Article is { } other ? matched.FirstOrDefault(m => m.Value == other).Key : null;
            if (line is not null && line.Article != owner && holder?.Byline is { } theirs && Names(theirs).Contains(names, StringComparison.Ordinal))
            {
                continue;
            }

            if (line is not null)
            {
                yield return new Fix("byline " + t.Headline, FixKind.Assign, owner, [line.Index], "byline", null, null);
            }
        }
    }

    /// <summary>The truth article <paramref name="t"/>'s article on the page: its headline at least 0.8 like the truth's.</summary>
    private static string? MatchOf(ReviewState state, TruthArticle t) =>
        state.Articles
            .Select(a => (a.Id, Ratio: TruthScore.Ratio(TruthScore.Norm(a.Headline), TruthScore.Norm(t.Headline))))
            .Where(x => x.Ratio >= 0.8)
            .OrderByDescending(x => x.Ratio)
            .Select(x => x.Id)
            .FirstOrDefault();

    /// <summary>
    /// The lines of <paramref name="block"/> that belong with <paramref name="phrase"/>: the whole block, or where it
    /// also prints another article's phrase, the part from the nearest such phrase before it to the next after it.
    /// </summary>
    private IReadOnlyList<PageLine> Portion(ReviewState state, int block, TruthArticle t, string phrase)
    {
        var lines = state.BlockLines(block).ToList();
        var others = truth.Where(o => !ReferenceEquals(o, t)).SelectMany(o => o.Contains).SelectMany(state.LinesOf).Where(l => l.Block == block).Select(l => l.Index).ToHashSet();
        if (others.Count == 0)
        {
            return lines;
        }

        var at = state.LinesOf(phrase)[0].Index;
        var start = lines.Where(l => l.Index < at && others.Contains(l.Index)).Select(l => lines.IndexOf(l) + 1).DefaultIfEmpty(0).Max();
        var end = lines.Where(l => l.Index > at && others.Contains(l.Index)).Select(l => lines.IndexOf(l)).DefaultIfEmpty(lines.Count).Min();
        return [.. lines.Skip(start).Take(end - start)];
    }

    private static string Names(string byline) => Roles().Replace(TruthScore.Norm(byline), "").ToLowerInvariant();

    [GeneratedRegex("本报记者|见习记者|实习记者|特约记者|记者|通讯员|实习生|摄影|本报讯|[■●（）()]|^by", RegexOptions.IgnoreCase)]
    private static partial Regex Roles();

    // Doing ------------------------------------------------------------------------------------------------------------

    private async Task PerformAsync(ReviewState state, Fix fix)
    {
        switch (fix.Kind)
        {
            case FixKind.PhotoNews:
                await TextLayerAsync(false);
                await ClickPhotoAsync(fix.Photo!.Value);
                await ChangeAsync(() => editor.ClickAsync(Page.Locator(".review-photo [data-photo-action=photo-news]"), "做成图片新闻"));
                break;
            case FixKind.Trim:
                await TextLayerAsync(false);
                await ClickPhotoAsync(fix.Photo!.Value);
                await ChangeAsync(() => editor.ClickAsync(Page.Locator(".review-photo [data-photo-action=trim]"), "裁掉图片框里的文字"));
                break;
            case FixKind.NewArticle:
                await TextLayerAsync(true);
                await PickLinesAsync(state, fix.Lines);
                await ChangeAsync(() => editor.ClickAsync(Page.Locator(".review-pick [data-pick=new]"), "新文章"));
                break;
            case FixKind.Assign:
                await SelectAsync(state, fix.Article!);
                await TextLayerAsync(true);
                await PickLinesAsync(state, fix.Lines);
                var role = fix.At is { } at ? $".review-pick [data-role={fix.Role}][data-at='{at}']" : $".review-pick [data-role={fix.Role}]:not([data-at])";
                await ChangeAsync(() => editor.ClickAsync(Page.Locator(role), $"作{fix.Role}{(fix.At is 0 ? "（开头）" : "")}"));
                break;
            case FixKind.Delete:
                await SelectAsync(state, fix.Article!);
                await ChangeAsync(async () =>
                {
                    await editor.ClickAsync(Page.Locator($".review-articles li[data-article='{fix.Article}'] [data-article-action=delete]"), "删除");
                    editor.Confirmed("确认删除");
                });
                break;
            case FixKind.Yield:
                _usedDoubts.Add(fix.Doubt!);
                await editor.ClickAsync(Page.Locator($".doubt-list li[data-key='{fix.Doubt}'] .doubt-go"), "打开“需要检查”：" + state.Doubts.First(d => d.Key == fix.Doubt).Text);
                await SettledAsync();
                await ChangeAsync(async () =>
                {
                    var button = Page.Locator($".doubt-list li[data-key='{fix.Doubt}'] .doubt-fix");
                    await editor.ClickAsync(button, (await button.TextContentAsync())!.Trim());
                });
                break;
            case FixKind.Join:
                await SelectAsync(state, fix.Article!);
                await ChangeAsync(() => editor.ClickAsync(Page.Locator($".review-articles li[data-article='{fix.Article}'] [data-article-action=join-lines]"), "合并碎行"));
                break;
        }
    }

    /// <summary>Selects an article: through its item in the doubt list when it has one not yet opened, else from the article list.</summary>
    private async Task SelectAsync(ReviewState state, string article)
    {
        var doubt = state.Doubts.FirstOrDefault(d => d.Article == article && !_usedDoubts.Contains(d.Key));
        if (doubt is not null)
        {
            _usedDoubts.Add(doubt.Key);
            await editor.ClickAsync(Page.Locator($".doubt-list li[data-key='{doubt.Key}'] .doubt-go"), $"打开“需要检查”：{doubt.Text}");
            await SettledAsync();
            return;
        }

        if (await Page.Locator($".review-articles li.selected[data-article='{article}']").CountAsync() > 0)
        {
            return;
        }

        await editor.ClickAsync(Page.Locator($".review-articles li[data-article='{article}'] .pick"), "选中文章 " + state.Articles.First(a => a.Id == article).Headline);
    }

    private async Task TextLayerAsync(bool on)
    {
        var button = Page.Locator(".review-toolbar [data-action=text]");
        if ((await button.GetAttributeAsync("aria-pressed") == "true") != on)
        {
            await editor.ClickAsync(button, on ? "显示文字行" : "隐藏文字行");
        }
    }

    /// <summary>Picks lines on the page: a click selects a line's block; a part of a block is picked by its first line and a Shift+click on its last.</summary>
    private async Task PickLinesAsync(ReviewState state, IReadOnlyList<int> lines)
    {
        foreach (var block in lines.GroupBy(i => state.Lines[i].Block))
        {
            var all = state.BlockLines(block.Key).Select(l => l.Index).ToList();
            var wanted = block.OrderBy(i => all.IndexOf(i)).ToList();
            if (wanted.Count == all.Count)
            {
                await ClickLineAsync(wanted[wanted.Count / 2], null, $"选中文字块“{Start(state, all[0])}”");
                continue;
            }

            await ClickLineAsync(wanted[0], [KeyboardModifier.Alt], $"选中一行“{Start(state, wanted[0])}”");
            if (wanted.Count > 1)
            {
                await ClickLineAsync(wanted[^1], [KeyboardModifier.Shift], $"Shift 选到“{Start(state, wanted[^1])}”");
            }
        }
    }

    private async Task ClickLineAsync(int line, KeyboardModifier[]? modifiers, string what)
    {
        var rect = Page.Locator($"rect.line[data-line='{line}']");
        if (!await InViewerAsync(rect))
        {
            await editor.ClickAsync(Page.Locator(".review-toolbar [data-action=zoom-home]"), "整版");
            await SettledAsync();
        }

        await editor.ClickAsync(rect, what, modifiers);
    }

    private async Task ClickPhotoAsync(int photo)
    {
        var mark = Page.Locator($"polygon.photo[data-photo='{photo}']");
        if (!await InViewerAsync(mark))
        {
            await editor.ClickAsync(Page.Locator(".review-toolbar [data-action=zoom-home]"), "整版");
            await SettledAsync();
        }

        // A point of the photo's frame nothing else covers (a region's label may sit on its corner).
        var box = (await mark.BoundingBoxAsync())!;
        for (var fy = 0.5; fy < 0.95; fy += 0.1)
        {
            var (x, y) = (box.X + (box.Width * 0.5), box.Y + (box.Height * fy));
            if (await Page.EvaluateAsync<bool>("([x, y, id]) => document.elementFromPoint(x, y)?.closest('polygon.photo')?.dataset.photo === String(id)", new object[] { x, y, photo }))
            {
                await editor.ClickAtAsync(x, y, "单击图片");
                await Assertions.Expect(Page.Locator(".review-photo")).ToBeVisibleAsync();
                return;
            }
        }

        throw new InvalidOperationException($"photo {photo} is covered everywhere");
    }

    private async Task<bool> InViewerAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        var viewer = await Page.Locator(".review-viewer").BoundingBoxAsync();
        return box is not null && viewer is not null && box.Width > 1 && box.Height > 1
            && box.X >= viewer.X && box.Y >= viewer.Y && box.X + box.Width <= viewer.X + viewer.Width && box.Y + box.Height <= viewer.Y + viewer.Height;
    }

    private async Task SettledAsync()
    {
        await Page.WaitForFunctionAsync("() => { const r = document.querySelector('[data-review]'); return r.dataset.viewer && r.dataset.settled !== 'false'; }");
        // The view springs for a moment after a jump; a click in the middle of it hits what passes under the pointer.
        await Page.WaitForTimeoutAsync(250);
        await Page.WaitForFunctionAsync("() => document.querySelector('[data-review]').dataset.settled !== 'false'");
    }

    /// <summary>Runs an action that changes the edition and waits for the page to come back with the change (it reloads itself).</summary>
    private async Task ChangeAsync(Func<Task> action)
    {
        var loaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await action();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!loaded.Task.IsCompleted)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("the page did not come back after a change");
                }

                IReadOnlyList<string> error;
                try
                {
                    error = await Page.Locator(".review-status[data-kind=error]").AllTextContentsAsync();
                }
                catch (PlaywrightException)
                {
                    // The page is reloading with the change.
                    error = [];
                }

                if (error.Count > 0 && !loaded.Task.IsCompleted)
                {
                    throw new InvalidOperationException("the desk refused: " + error[0]);
                }

                await Task.WhenAny(loaded.Task, Task.Delay(200));
            }
        }
        finally
        {
            Page.Load -= OnLoad;
        }

        await SettledAsync();
        log("  → " + await Page.Locator(".review-status").TextContentAsync());
    }

    private static string Start(ReviewState state, int line) => state.Lines[line].Text.Length > 8 ? state.Lines[line].Text[..8] + "…" : state.Lines[line].Text;

    private enum FixKind
    {
        PhotoNews,
        Trim,
        NewArticle,
        Assign,
        Join,
        Delete,
        Yield,
    }

    private sealed record Fix(string Key, FixKind Kind, string? Article, IReadOnlyList<int> Lines, string? Role, int? At, int? Photo, string? Doubt = null);
}
