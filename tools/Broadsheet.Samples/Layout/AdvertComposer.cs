using Broadsheet.Core.Model;
using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Text;
using SkiaSharp;

namespace Broadsheet.Samples.Layout;

// A boxed advertisement: a small "广告" tag, a picture when there is room, a big slogan (its headline) and smaller
// lines (its paragraphs).
internal sealed class AdvertComposer(PageCanvas canvas, TextGenerator text)
{
    private static readonly SKColor[] Accents = [Ink.Red, Ink.Navy, new(0x0B, 0x6E, 0x4F), new(0x8A, 0x4B, 0x08)];

    public void Compose(Slot slot, ArticleDraft draft)
    {
        var grid = canvas.Grid;
        var box = new Box(grid.ColumnLeft(slot.First), slot.Top, grid.ColumnRight(slot.First + slot.Count - 1), slot.Bottom);
        var accent = text.Pick(Accents);
        canvas.Ops.Add(new RectOp(box, new SKColor(0xFB, 0xF7, 0xEF), accent, 1.5));

        var (sloganTemplate, lineTemplate, contactTemplate) = text.Pick(ChineseCorpus.Adverts);
        var slogan = text.Fill(sloganTemplate);
        var line = text.Fill(lineTemplate);
        var contact = text.Fill(contactTemplate);

        var inner = new Box(box.Left + 12, box.Top + 12, box.Right - 12, box.Bottom - 12);
        if (inner.Width > 420 && inner.Height > 150)
        {
            var picture = new Box(inner.Left, inner.Top, inner.Left + Math.Min(inner.Width * 0.32, inner.Height * 1.4), inner.Bottom);
            canvas.Photo(picture, text.Next(0, int.MaxValue));
            draft.Images.Add(new TruthImage(canvas.Label, PageCanvas.Normalise(picture), null, null));
            inner = inner with { Left = picture.Right + 12 };
        }

        var sloganSize = Math.Min(Math.Min(44, inner.Height * 0.3), inner.Width * 0.92 / Math.Max(1, canvas.Setter.Measure(slogan, FontRole.Heavy, 1)));
        var lineSize = Math.Min(15, inner.Width * 0.95 / Math.Max(1, canvas.Setter.Measure(line, FontRole.Sans, 1)));
        var contactSize = Math.Min(10.5, inner.Width * 0.95 / Math.Max(1, canvas.Setter.Measure(contact, FontRole.Serif, 1)));
        var total = (sloganSize * 1.4) + (lineSize * 1.8) + (contactSize * 1.8) + 10;
        var y = inner.Top + Math.Max(0, (inner.Height - total) / 2);
        y = canvas.Display(slogan, FontRole.Heavy, sloganSize, accent, inner.Left, inner.Right, y, sloganSize * 1.4, Align.Center) + 10;
        y = canvas.Display(line, FontRole.Sans, lineSize, Ink.Black, inner.Left, inner.Right, y, lineSize * 1.8, Align.Center);
        canvas.Display(contact, FontRole.Serif, contactSize, Ink.Black, inner.Left, inner.Right, y, contactSize * 1.8, Align.Center);

        // The tag is drawn last so it reads after the advertiser's own text.
        var tag = new Box(box.Right - 34, box.Top + 4, box.Right - 4, box.Top + 18);
        canvas.Ops.Add(new RectOp(tag, null, Ink.Grey, 0.6));
        canvas.Display("广告", FontRole.Sans, 8, Ink.Grey, tag.Left, tag.Right, tag.Top, tag.Height, Align.Center);

        draft.Kind = ArticleKind.Advertisement;
        draft.Headline = slogan;
        draft.Paragraphs.Add(line);
        draft.Paragraphs.Add(contact);
    }
}
