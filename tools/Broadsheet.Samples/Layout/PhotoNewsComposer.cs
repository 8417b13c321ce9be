using Broadsheet.Core.Model;
using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Text;

namespace Broadsheet.Samples.Layout;

// 图说新闻: a photo with a short title and a caption ending in its credit, and no body.
internal sealed class PhotoNewsComposer(PageCanvas canvas, TextGenerator text)
{
    private const double TitleSize = 14;
    private const double TitleLineHeight = 22;
    private const double CaptionSize = 9;
    private const double CaptionLineHeight = 13;

    // The item's text and shape, chosen before the page is planned so the planner knows its height.
    internal sealed record Content(string Title, string Caption, string Credit, string PrintedCaption, double Aspect, bool TitleAbove);

    public Content Create(bool english)
    {
        var (title, caption) = text.Pick(english ? EnglishCorpus.PhotoNews : ChineseCorpus.PhotoNews);
        caption = text.Fill(caption, english);
        var credit = english ? text.EnglishName() : text.Chance(0.6) ? text.ChineseName() : $"本报记者 {text.ChineseName()}";
        var printed = english ? $"{caption} Photo: {credit}" : $"{caption} {credit}/摄";
        return new(title, caption, credit, printed, text.Between(0.58, 0.72), text.Chance(0.35));
    }

    public double Height(Content content, double width) =>
        TitleLineHeight + 4 + (width * content.Aspect) + 5 + (CaptionLines(content, width).Count * CaptionLineHeight);

    public void Compose(Slot slot, ArticleDraft draft, Content content)
    {
        var left = canvas.Grid.ColumnLeft(slot.First);
        var right = canvas.Grid.ColumnRight(slot.First + slot.Count - 1);
        var width = right - left;
        var lines = CaptionLines(content, width);
        var textHeight = TitleLineHeight + 4 + 5 + (lines.Count * CaptionLineHeight);

        // A taller slot than needed gets a taller photo, up to a 4:3 portrait, and any rest stays white below; a
        // shallower one gets a narrower photo, so nothing ever runs out of the slot.
        var room = slot.Height - textHeight;
        var photoHeight = Math.Min(room, width * 0.85);
        var photoWidth = photoHeight < width * 0.45 ? Math.Min(width, photoHeight / content.Aspect) : width;
        var y = slot.Top;
        if (content.TitleAbove)
        {
            y = Title(content, left, right, y) + 4;
        }

        var box = new Box(left, y, left + photoWidth, y + photoHeight);
        canvas.Photo(box, text.Next(0, int.MaxValue));
        y = box.Bottom + 5;
        if (!content.TitleAbove)
        {
            y = Title(content, left, right, y - 1) + 3;
        }

        var runs = new[] { new TextRun(content.PrintedCaption, CaptionFont(content), Ink.Black) };
        foreach (var line in lines)
        {
            canvas.Emit(line, runs, CaptionSize, left, right, y, CaptionLineHeight, Align.Left);
            y += CaptionLineHeight;
        }

        draft.Kind = ArticleKind.PhotoNews;
        draft.Headline = content.Title;
        draft.Images.Add(new TruthImage(canvas.Label, PageCanvas.Normalise(box), content.Caption, content.Credit));
    }

    private double Title(Content content, double left, double right, double top) =>
        canvas.Display(content.Title, FontRole.Heavy, TitleSize, Ink.Black, left, right, top, TitleLineHeight, Align.Left);

    private List<SetLine> CaptionLines(Content content, double width) =>
        canvas.Setter.Break([new TextRun(content.PrintedCaption, CaptionFont(content), Ink.Black)], CaptionSize, width, latin: IsLatin(content));

    private static bool IsLatin(Content content) => content.Title.All(c => c < 0x80);

    private static FontRole CaptionFont(Content content) => IsLatin(content) ? FontRole.Latin : FontRole.Serif;
}
