using Broadsheet.Core.Model;
using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Text;

namespace Broadsheet.Samples.Layout;

// 简讯: one article whose headline is a heading bar and whose paragraphs are short items with bold leads.
internal sealed class BriefsComposer(PageCanvas canvas, TextGenerator text)
{
    public void Compose(Slot slot, ArticleDraft draft)
    {
        var grid = canvas.Grid;
        var left = grid.ColumnLeft(slot.First);
        var right = grid.ColumnRight(slot.First + slot.Count - 1);
        var heading = text.Pick((string[])["简讯", "本地简讯", "简讯", "综合简讯"]);
        var y = slot.Top;
        if (text.Chance(0.5))
        {
            // Heading reversed out of a coloured bar.
            canvas.Ops.Add(new RectOp(new Box(left, y, right, y + 26), Ink.Navy, null, 0));
            canvas.Display(heading, FontRole.Heavy, 16, Ink.White, left, right, y, 26, Align.Center);
            y += 26 + 8;
        }
        else
        {
            canvas.HorizontalRule(left, right, y + 1, 2);
            y = canvas.Display(heading, FontRole.Heavy, 18, Ink.Black, left, right, y + 4, 28, Align.Center);
            canvas.HorizontalRule(left, right, y + 2, 0.6);
            y += 10;
        }

        draft.Kind = ArticleKind.Briefs;
        draft.Headline = heading;

        var frames = Enumerable.Range(slot.First, slot.Count)
            .Select(c => new Frame(grid.ColumnLeft(c), grid.ColumnWidth, y, slot.Bottom)).ToList();
        var flow = new BodyFlow(canvas, new FrameCursor(frames), grid.ColumnWidth, latin: false);
        var items = ChineseCorpus.BriefItems.ToArray();
        text.Random.Shuffle(items);
        var failures = 0;
        foreach (var (leadTemplate, itemTemplate) in items)
        {
            var lead = text.Fill(leadTemplate);
            var body = text.Fill(itemTemplate);
            var runs = new[] { new TextRun(lead, FontRole.Sans, Ink.Black), new TextRun("　" + body, FontRole.Serif, Ink.Black) };
            if (flow.TryPlace(flow.Paragraph(runs, spaceBefore: draft.Paragraphs.Count == 0 ? 0 : grid.LineHeight * 0.4)))
            {
                draft.Paragraphs.Add($"{lead}　{body}");
            }
            else if (++failures >= 3)
            {
                break;
            }
        }
    }
}
