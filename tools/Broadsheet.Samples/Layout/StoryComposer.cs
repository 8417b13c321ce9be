using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Text;

namespace Broadsheet.Samples.Layout;

// What is known about a story before it is set; Deck carries over to a continuation.
internal sealed record StorySpec(SentenceDeck Deck, bool Commentary, bool Wire, string? JumpTo, string? JumpFrom);

// Sets a story into its slot: kicker, headline, subheadline across the top, then an optional photo with its
// caption over some of the columns, then the byline and the body flowing column by column.
internal sealed class StoryComposer(PageCanvas canvas, TextGenerator text)
{
    private PageGrid Grid => canvas.Grid;

    public void Compose(Slot slot, ArticleDraft draft, StorySpec spec)
    {
        var english = spec.Deck.English;
        var theme = spec.Deck.Theme;
        var left = Grid.ColumnLeft(slot.First);
        var right = Grid.ColumnRight(slot.First + slot.Count - 1);
        var continuation = spec.JumpFrom is not null;
        var align = slot.Importance == 0 || text.Chance(0.55) ? Align.Center : Align.Left;
        var headSize = HeadlineSize(slot, continuation);

        if (!continuation)
        {
            draft.Kind = ArticleKind.Story;
            draft.Headline = text.Headline(theme, english);
            var kickerChance = slot.Importance switch { 0 => 0.55, 1 => 0.35, _ => 0.15 };
            if (theme.Kickers.Length > 0 && text.Chance(kickerChance))
            {
                draft.Kicker = text.Fill(text.Pick(theme.Kickers), english);
            }

            var subChance = slot.Importance switch { 0 => 0.5, 1 => 0.3, _ => 0.1 };
            if (theme.Subheadlines.Length > 0 && text.Chance(subChance))
            {
                draft.Subheadline = text.Fill(text.Pick(theme.Subheadlines), english);
            }
        }

        var y = slot.Top;
        var deckFont = english ? FontRole.Latin : FontRole.Serif;
        var deckSize = Math.Clamp(headSize * 0.42, 12, 17);
        if (!continuation && draft.Kicker is { } kicker)
        {
            y = canvas.Display(kicker, deckFont, Fit(kicker, deckFont, deckSize, right - left), Ink.Black, left, right, y, deckSize * 1.5, align);
        }

        y = Headline(draft.Headline, headSize, left, right, y, align, slot.Importance == 0 && text.Chance(0.2) ? Ink.Red : Ink.Black, out var printed);
        if (!continuation)
        {
            // What the page holds: a break between two phrases takes the ideographic space between them with it.
            draft.Headline = printed;
        }

        if (!continuation && draft.Subheadline is { } sub)
        {
            y = canvas.Display(sub, deckFont, Fit(sub, deckFont, deckSize * 0.92, right - left), Ink.Black, left, right, y + 2, deckSize * 1.45, align);
        }

        y += Grid.LineHeight * 0.7;
        var frames = Frames(slot, y, continuation ? null : theme, draft, english);
        var cursor = new FrameCursor(frames) { Reserve = spec.JumpTo is null ? 0 : Grid.LineHeight };
        var flow = new BodyFlow(canvas, cursor, Grid.ColumnWidth, english);
        var bodyFont = english ? FontRole.Latin : FontRole.Serif;

        if (spec.JumpFrom is { } from)
        {
            flow.TryPlace(flow.Line([new TextRun(JumpLine("（上接第{0}版）", from), FontRole.Serif, Ink.Black)], Align.Left));
        }

        var prefix = continuation ? [] : Byline(draft, spec, flow);
        FlowParagraphs(flow, draft, spec.Deck, prefix, bodyFont, useSubheads: !english && !spec.Commentary && slot.Importance <= 1 && text.Chance(0.6));

        if (spec.JumpTo is { } to)
        {
            cursor.Reserve = 0;
            flow.TryPlace(flow.Line([new TextRun(JumpLine("（转第{0}版）", to), FontRole.Serif, Ink.Black)], Align.Right));
        }
    }

    // Kickers and subheadlines stay on one line; in a narrow slot they are set smaller rather than run over.
    private double Fit(string line, FontRole font, double size, double width) =>
        Math.Min(size, width * 0.96 / canvas.Setter.Measure(line, font, 1));

    private double HeadlineSize(Slot slot, bool continuation)
    {
        if (continuation)
        {
            return text.Between(18, 22);
        }

        return slot.Importance switch
        {
            0 => Grid.Columns >= 8 && slot.Count >= 5 ? text.Between(40, 50) : text.Between(32, 40),
            1 => text.Between(24, 30),
            _ => slot.Count <= 2 ? text.Between(16, 19) : text.Between(18, 24),
        };
    }

    // Sets the headline on one line, shrinking it a little if need be, or on two balanced lines.
    // printed: The headline as the page holds it, its lines joined as they read.
    private double Headline(string headline, double size, double left, double right, double top, Align align, SkiaSharp.SKColor color, out string printed)
    {
        var width = (right - left) * 0.96;
        var natural = canvas.Setter.Measure(headline, FontRole.Heavy, size);
        List<string> lines = [headline];
        if (natural > width)
        {
            if (natural * 0.8 <= width)
            {
                size *= width / natural;
            }
            else
            {
                lines = canvas.Setter.Balance(headline, FontRole.Heavy, size, width);
                var widest = lines.Max(l => canvas.Setter.Measure(l, FontRole.Heavy, size));
                size = Math.Min(size, size * width / widest);
            }
        }

        foreach (var line in lines)
        {
            top = canvas.Display(line, FontRole.Heavy, size, color, left, right, top, size * 1.25, align);
        }

        printed = lines.Count == 1 ? headline : JoinLines(lines[0], lines[1]);
        return top;
    }

    // The body's columns; with a photo over some of them when photoTheme is given and one fits.
    private List<Frame> Frames(Slot slot, double top, NewsTheme? photoTheme, ArticleDraft draft, bool english)
    {
        var columnTops = Enumerable.Repeat(top, slot.Count).ToArray();
        var holes = new (double Top, double Bottom)?[slot.Count];
        var large = slot.Area(Grid) > 0.2 * Grid.SpanWidth(0, Grid.Columns) * (Grid.ContentBottom - Grid.ContentTop);
        var chance = large ? 1 : slot.Importance switch { 0 => 0.95, 1 => 0.8, _ => 0.4 };
        var photoAllowed = slot.Count >= 3 || (slot.Count == 2 && slot.Height > 450);
        if (photoTheme is { Captions.Length: > 0 } && photoAllowed && text.Chance(chance))
        {
            var preferred = slot.Count switch { 2 => 2, 3 or 4 => 2, 5 => 3, 6 => text.Next(3, 5), 7 => 4, _ => text.Next(4, 6) };
            var aspect = text.Between(0.56, 0.7);
            var onLeft = slot.IsNotched ? !slot.NotchOnLeft : text.Chance(0.5);
            var (caption, credit) = Caption(photoTheme, english);
            var printed = english ? $"{caption} Photo: {credit}" : $"{caption} {credit}/摄";
            var captionFont = english ? FontRole.Latin : FontRole.Sans;
            if (slot.Count >= 2 && text.Chance(0.35) && TryInsetPhoto(slot, top, holes, draft, english, caption, credit, printed, captionFont))
            {
                return BuildFrames(slot, columnTops, holes);
            }

            for (var photoColumns = preferred; photoColumns >= 2; photoColumns--)
            {
                var first = onLeft ? 0 : slot.Count - photoColumns;
                var box = new Box(Grid.ColumnLeft(slot.First + first), top, Grid.ColumnRight(slot.First + first + photoColumns - 1), 0);
                box = box with { Bottom = top + (box.Width * aspect) };
                var columnBottom = Enumerable.Range(first, photoColumns).Min(i => slot.Bottoms[i]);
                var captionTop = box.Bottom + 4;
                var runs = new[] { new TextRun(printed, captionFont, Ink.Black) };
                var lines = canvas.Setter.Break(runs, CaptionSize, box.Width, justify: !english, latin: english);
                var captionBottom = captionTop + (lines.Count * CaptionLineHeight);
                if (columnBottom - captionBottom < 5 * Grid.LineHeight)
                {
                    continue;
                }

                canvas.Photo(box, text.Next(0, int.MaxValue));
                for (var i = 0; i < lines.Count; i++)
                {
                    canvas.Emit(lines[i], runs, CaptionSize, box.Left, box.Right, captionTop + (i * CaptionLineHeight), CaptionLineHeight, Align.Left);
                }

                draft.Images.Add(new TruthImage(canvas.Label, PageCanvas.Normalise(box), caption, credit));
                for (var i = first; i < first + photoColumns; i++)
                {
                    columnTops[i] = captionBottom + (Grid.LineHeight * 0.6);
                }

                break;
            }
        }

        return BuildFrames(slot, columnTops, holes);
    }

    // The columns top to bottom, each cut in two around the photo set into it, if any.
    private List<Frame> BuildFrames(Slot slot, double[] columnTops, (double Top, double Bottom)?[] holes)
    {
        var frames = new List<Frame>();
        for (var i = 0; i < slot.Count; i++)
        {
            var left = Grid.ColumnLeft(slot.First + i);
            if (holes[i] is { } hole)
            {
                frames.Add(new Frame(left, Grid.ColumnWidth, columnTops[i], hole.Top));
                frames.Add(new Frame(left, Grid.ColumnWidth, hole.Bottom, slot.Bottoms[i]));
            }
            else if (slot.Bottoms[i] - columnTops[i] >= Grid.LineHeight)
            {
                frames.Add(new Frame(left, Grid.ColumnWidth, columnTops[i], slot.Bottoms[i]));
            }
        }

        return frames;
    }

    // A photo set into the middle of one or two columns, the text running on above and below it (wrap-around).
    private bool TryInsetPhoto(
        Slot slot, double top, (double Top, double Bottom)?[] holes, ArticleDraft draft, bool english,
        string caption, string credit, string printed, FontRole captionFont)
    {
        var width = slot.Count >= 4 && text.Chance(0.5) ? 2 : 1;
        var first = text.Next(0, slot.Count - width + 1);
        var box = new Box(Grid.ColumnLeft(slot.First + first), 0, Grid.ColumnRight(slot.First + first + width - 1), 0);
        var photoTop = top + (Grid.LineHeight * text.Next(4, 9)) + (Grid.LineHeight * 0.3);
        box = box with { Top = photoTop, Bottom = photoTop + (box.Width * text.Between(0.6, width == 1 ? 1.1 : 0.75)) };
        var runs = new[] { new TextRun(printed, captionFont, Ink.Black) };
        var lines = canvas.Setter.Break(runs, CaptionSize, box.Width, justify: !english, latin: english);
        var captionTop = box.Bottom + 4;
        var captionBottom = captionTop + (lines.Count * CaptionLineHeight);
        var resume = captionBottom + (Grid.LineHeight * 0.6);
        var columnBottom = Enumerable.Range(first, width).Min(i => slot.Bottoms[i]);
        if (columnBottom - resume < 4 * Grid.LineHeight || lines.Count > 4)
        {
            return false;
        }

        canvas.Photo(box, text.Next(0, int.MaxValue));
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.Emit(lines[i], runs, CaptionSize, box.Left, box.Right, captionTop + (i * CaptionLineHeight), CaptionLineHeight, Align.Left);
        }

        draft.Images.Add(new TruthImage(canvas.Label, PageCanvas.Normalise(box), caption, credit));
        for (var i = first; i < first + width; i++)
        {
            holes[i] = (box.Top - (Grid.LineHeight * 0.3), resume);
        }

        return true;
    }

    internal const double CaptionSize = 8.4;
    internal const double CaptionLineHeight = 11.6;

    private (string Caption, string Credit) Caption(NewsTheme theme, bool english)
    {
        var caption = text.Fill(text.Pick(theme.Captions), english);
        if (english)
        {
            return (caption, text.EnglishName());
        }

        var credit = text.Chance(0.5) ? text.ChineseName() : $"{text.Pick((string[])["本报记者", "通讯员"])} {text.ChineseName()}";
        return (caption, credit);
    }

    // Prints the byline (its own line, or the runs that open the first paragraph) and records it.
    private List<TextRun> Byline(ArticleDraft draft, StorySpec spec, BodyFlow flow)
    {
        if (spec.Deck.English)
        {
            if (text.Chance(0.75))
            {
                draft.Byline = $"By {text.EnglishName()}";
                flow.TryPlace(flow.Line([new TextRun(draft.Byline, FontRole.Sans, Ink.Black)], Align.Left));
            }

            if (!text.Chance(0.8))
            {
                return [];
            }

            draft.Dateline = text.Pick(EnglishCorpus.Datelines);
            return [new TextRun($"{draft.Dateline} — ", FontRole.Sans, Ink.Black)];
        }

        if (spec.Commentary)
        {
            draft.Byline = text.Chance(0.7) ? "本报评论员" : text.ChineseName();
            flow.TryPlace(flow.Line([new TextRun($"□{draft.Byline}", FontRole.Sans, Ink.Black)], Align.Left));
            return [];
        }

        var form = text.Random.NextDouble();
        if (form < 0.45 || spec.Wire)
        {
            draft.Dateline = spec.Wire ? text.Fill("新华社北京{date}电")
                : text.Chance(0.7) ? "本报讯" : text.Fill("本报{city}{date}讯");
            draft.Byline = spec.Wire ? $"记者 {text.ChineseName()}" : Reporters();
            return [new TextRun(draft.Dateline, FontRole.Sans, Ink.Black), new TextRun($"（{draft.Byline}）", FontRole.Serif, Ink.Black)];
        }

        if (form < 0.72)
        {
            draft.Byline = text.Pick((string[])["本报记者", "通讯员", "本报记者", ""]) switch
            {
                "" => $"本报记者 {text.ChineseName()} 通讯员 {text.ChineseName()}",
                var role => $"{role} {text.ChineseName()}",
            };
            flow.TryPlace(flow.Line([new TextRun($"■{draft.Byline}", FontRole.Sans, Ink.Black)], Align.Left));
            return [];
        }

        if (form < 0.8)
        {
            // "本报记者 张三 报道" on a line of its own; the byline is who, not the verb.
            draft.Byline = text.Chance(0.6) ? $"本报记者 {text.ChineseName()}" : $"记者 {text.ChineseName()} {text.ChineseName()}";
            flow.TryPlace(flow.Line([new TextRun($"{draft.Byline} 报道", FontRole.Sans, Ink.Black)], Align.Left));
            return [];
        }

        if (form < 0.9)
        {
            draft.Dateline = "本报讯";
            return [new TextRun("本报讯", FontRole.Sans, Ink.Black), new TextRun("　", FontRole.Serif, Ink.Black)];
        }

        return [];
    }

    private string Reporters() => text.Random.Next(4) switch
    {
        0 => $"记者 {text.ChineseName()}",
        1 => $"记者 {text.ChineseName()} 通讯员 {text.ChineseName()}",
        2 => $"通讯员 {text.ChineseName()} {text.ChineseName()}",
        _ => $"记者 {text.ChineseName()} 实习生 {text.ChineseName()}",
    };

    // Fills the columns with paragraphs (and sub-heads), each complete; stops when the columns are full.
    private void FlowParagraphs(BodyFlow flow, ArticleDraft draft, SentenceDeck deck, List<TextRun> prefix, FontRole bodyFont, bool useSubheads)
    {
        var failures = 0;
        var sinceSubhead = 0;
        var placed = 0;
        var usedSubheads = new HashSet<string>(StringComparer.Ordinal);
        while (failures < 3)
        {
            Piece? subhead = null;
            string? subheadText = null;
            if (useSubheads && placed >= 2 && sinceSubhead >= 2 && text.Chance(0.45))
            {
                subheadText = text.Fill(text.Pick(ChineseCorpus.Subheads));
                subhead = usedSubheads.Contains(subheadText) ? null : flow.Subhead(subheadText);
            }

            var sentences = deck.Paragraph(text.Next(2, deck.English ? 5 : 6));
            var fitted = 0;
            for (var k = sentences.Count; k >= 1 && fitted == 0; k--)
            {
                var body = deck.Join(sentences.Take(k));
                var paragraph = flow.Paragraph([.. prefix, new TextRun(body, bodyFont, Ink.Black)]);
                if (subhead is not null ? flow.TryPlace(subhead, paragraph) : flow.TryPlace(paragraph))
                {
                    if (subhead is not null)
                    {
                        draft.Paragraphs.Add(subheadText!);
                        draft.Subheads.Add(subheadText!);
                        usedSubheads.Add(subheadText!);
                        sinceSubhead = 0;
                    }

                    draft.Paragraphs.Add(body);
                    fitted = k;
                }
            }

            if (fitted == 0)
            {
                failures++;
                continue;
            }

            placed++;
            sinceSubhead++;
            prefix = [];
            failures = fitted < sentences.Count ? failures + 1 : 0;
        }

        if (placed == 0)
        {
            throw new InvalidOperationException($"Story {draft.Id} got a slot too small for a single sentence.");
        }
    }

    // Latin words broken across lines are read with a space between them; Chinese runs straight on.
    private static string JoinLines(string first, string second) =>
        first.Length > 0 && second.Length > 0 && first[^1] < 0x2000 && second[0] < 0x2000 ? $"{first} {second}" : first + second;

    private static string JumpLine(string format, string label) =>
        string.Format(CultureInfo.InvariantCulture, format, int.Parse(label, CultureInfo.InvariantCulture));
}
