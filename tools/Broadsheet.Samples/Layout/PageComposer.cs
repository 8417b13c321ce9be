using Broadsheet.Samples.Text;
using Broadsheet.Samples.Truth;

namespace Broadsheet.Samples.Layout;

// A page ready to be drawn: its plan, drawing operations, and articles in reading order.
internal sealed record ComposedPage(PagePlan Plan, IReadOnlyList<DrawOp> Ops, IReadOnlyList<ArticleDraft> Articles);

// Composes the pages of an edition in order, carrying the story that jumps from page 1 to its continuation.
internal sealed class PageComposer(Fonts.FontLibrary fonts, TextGenerator text, SampleEditionOptions options, int issueNumber)
{
    private (ArticleDraft Draft, StorySpec Spec, string From)? _jump;

    public ComposedPage Compose(PagePlan plan)
    {
        var grid = new PageGrid(plan.Columns);
        var canvas = new PageCanvas(grid, new TextSetter(fonts), plan.Label);
        var chrome = new PageChrome(canvas, text, options.Date, options.PublicationName);
        grid.ContentTop = plan.Number == 1
            ? chrome.Masthead(issueNumber, options.PageCount)
            : chrome.Header(plan.Label, plan.Name, labelOnLeft: plan.Number % 2 == 0);

        var photoNews = new PhotoNewsComposer(canvas, text);
        var photoContent = plan.Features.PhotoNews ? photoNews.Create(plan.English) : null;
        var layout = new PagePlanner(grid, text).Plan(
            plan.Features, columns => photoContent is null ? 0 : photoNews.Height(photoContent, grid.SpanWidth(0, columns)));
        if (text.Chance(0.8))
        {
            canvas.Ops.AddRange(layout.Rules);
        }

        var stories = new StoryComposer(canvas, text);
        var themes = new ThemePicker(text, plan);
        var articles = new List<ArticleDraft>();
        var position = 0;
        foreach (var slot in layout.Slots)
        {
            ArticleDraft draft;
            if (slot.Continuation && _jump is { } jump)
            {
                draft = jump.Draft;
                stories.Compose(slot, draft, jump.Spec with { JumpTo = null, JumpFrom = jump.From });
                _jump = null;
            }
            else
            {
                draft = new ArticleDraft { Id = $"{plan.Label}-{++position}" };
                switch (slot.Kind)
                {
                    case SlotKind.Briefs:
                        new BriefsComposer(canvas, text).Compose(slot, draft);
                        break;
                    case SlotKind.PhotoNews:
                        photoNews.Compose(slot, draft, photoContent ?? photoNews.Create(plan.English));
                        break;
                    case SlotKind.Advertisement:
                        new AdvertComposer(canvas, text).Compose(slot, draft);
                        break;
                    default:
                        var spec = themes.Next(slot);
                        if (slot.JumpsOut && plan.JumpTo is { } to)
                        {
                            spec = spec with { JumpTo = to };
                            draft.ContinuedToPage = to;
                            draft.ContinuedFromPage = plan.Label;
                            _jump = (draft, spec, plan.Label);
                        }

                        stories.Compose(slot, draft, spec);
                        break;
                }
            }

            draft.Regions.Add(new TruthRegion(plan.Label, RegionBuilder.Build(grid, slot)));
            articles.Add(draft);
        }

        return new ComposedPage(plan, canvas.Ops, articles);
    }
}
