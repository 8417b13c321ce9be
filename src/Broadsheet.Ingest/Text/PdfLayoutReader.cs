using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace Broadsheet.Ingest.Text;

/// <summary>
/// Reads a PdfPig page into a <see cref="PageLayout"/>: coordinates relative to the crop box (what a
/// rasteriser draws), top-left origin, characters folded by <see cref="CjkFolding"/>.
/// </summary>
internal static partial class PdfLayoutReader
{
    /// <summary>A rule is at most this thick (points) …</summary>
    private const double RuleThickness = 3;

    /// <summary>… and at least this long (points).</summary>
    private const double RuleLength = 20;

    /// <summary>Reads the first page of a PDF file.</summary>
    public static PageLayout ReadFirstPage(string pdfPath, HanScript script = HanScript.Simplified)
    {
        using var document = PdfDocument.Open(pdfPath, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        return Read(document.GetPage(1), script);
    }

    public static PageLayout Read(Page page, HanScript script = HanScript.Simplified)
    {
        ArgumentNullException.ThrowIfNull(page);
        var frame = new Frame(page.Width, page.Height);
        var (rules, panels) = Shapes(page, frame);
        // What lies outside the crop box (printers' marks, the slug line) is not on the page a reader sees.
        var glyphs = page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal)
            .Select(l => ToGlyph(l, frame))
            .Where(g => g.Box.Bottom > 0 && g.Box.Top < frame.Height && g.Box.Right > 0 && g.Box.Left < frame.Width)
            .ToList();
        var (vertical, horizontal) = VerticalRuns.Take(glyphs, script);
        var lines = DropCaps.Merge(VerticalLines.Join(
            [.. LineBuilder.Build(horizontal, rules, script).Concat(vertical).OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left)]));
        var images = page.GetImages()
            .Select(i => frame.ToBox(i.BoundingBox))
            .Where(b => b.Width > 4 && b.Height > 4)
            .Select(b => new PageImage(b))
            .ToList();
        if (IsScanWithText(page, glyphs.Count))
        {
            // A scan with its OCR'd text (a library's or ABBYY's): the picture filling the page is the page itself,
            // not a photo the text is printed over.
            images.RemoveAll(i => i.Box.Area >= ScanShare * frame.Width * frame.Height);
        }
        return new PageLayout(frame.Width, frame.Height, lines)
        {
            Images = images,
            Rules = rules,
            Panels = panels,
            IsUnreadable = TextQuality.IsUnreadable(glyphs.Select(g => g.Value)),
        };
    }

    /// <summary>A picture covering this share of the page, with text on it, is a scan of the page.</summary>
    private const double ScanShare = 0.9;

    /// <summary>
    /// Whether the page's text is a scan's OCR: mostly invisible (drawn with render mode 3, as ABBYY and most OCR
    /// tools write it), or a whole page of it under or over one picture (a library's page PDF draws its ALTO text
    /// beneath the scan). A full-page advertisement has a picture too, but not a thousand characters of text.
    /// </summary>
    private static bool IsScanWithText(Page page, int glyphs)
    {
        if (glyphs == 0 || !page.GetImages().Any(i => i.BoundingBox.Width * i.BoundingBox.Height >= ScanShare * page.Width * page.Height))
        {
            return false;
        }

        var invisible = page.Letters.Count(l => l.RenderingMode == TextRenderingMode.Neither);
        return invisible * 2 >= page.Letters.Count || glyphs >= 1000;
    }

    private static Glyph ToGlyph(Letter letter, Frame frame)
    {
        var size = letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
        var start = letter.StartBaseLine.X;
        var end = letter.EndBaseLine.X > start ? letter.EndBaseLine.X : Math.Max(letter.BoundingBox.Right, start + (0.5 * size));
        var baseline = frame.Top - letter.StartBaseLine.Y;
        var left = start - frame.Left;
        var right = end - frame.Left;
        var font = StripSubset(letter.FontName ?? "");
        var value = IsCapsFont(font) ? letter.Value.ToUpperInvariant() : letter.Value;
        return new Glyph(value, Glyph.EmBox(left, right, baseline, size), baseline, size)
        {
            FontName = font,
            IsBold = IsBold(letter),
            Colour = Hex(letter.Color),
        };
    }

    private static bool IsBold(Letter letter)
    {
        if (letter.FontDetails is { } details && (details.IsBold || details.Weight >= 600))
        {
            return true;
        }

        if (letter.RenderingMode == TextRenderingMode.FillThenStroke)
        {
            return true;
        }

        var name = letter.FontName ?? "";
        return name.Contains("Bold", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A small-caps or capitals font ("…SC-Regular", "…WideCaps-Bold", "…SmallCaps"): its lowercase letters are printed
    /// as capitals, and a reader (or a search) sees "GIUSTIZIA" where the text layer says "Giustizia".
    /// </summary>
    private static bool IsCapsFont(string name) =>
        name.Contains("SmallCap", StringComparison.OrdinalIgnoreCase) || name.Contains("Caps", StringComparison.Ordinal)
        || CapsSuffix().IsMatch(name);

    [System.Text.RegularExpressions.GeneratedRegex(@"[a-z]SC(?:-|$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CapsSuffix();

    /// <summary>Embedded subsets are named like <c>ABCDEF+SimSun</c>; the prefix differs per file and means nothing.</summary>
    private static string StripSubset(string name)
    {
        var plus = name.IndexOf('+', StringComparison.Ordinal);
        return plus == 6 ? name[(plus + 1)..] : name;
    }

    private static string? Hex(IColor? colour)
    {
        if (colour is null)
        {
            return null;
        }

        try
        {
            var (r, g, b) = colour.ToRGBValues();
            return string.Create(CultureInfo.InvariantCulture, $"#{Byte(r):X2}{Byte(g):X2}{Byte(b):X2}");
        }
        catch (InvalidOperationException)
        {
            // Pattern and some separation colour spaces have no single RGB value.
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }

        static int Byte(double v) => (int)Math.Round(Math.Clamp(v, 0, 1) * 255);
    }

    /// <summary>Rules (thin lines and bars) and panels (filled rectangles) drawn on the page.</summary>
    private static (List<PageRule> Rules, List<PagePanel> Panels) Shapes(Page page, Frame frame)
    {
        var rules = new List<PageRule>();
        var panels = new List<PagePanel>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled))
            {
                continue;
            }

            foreach (var subpath in path)
            {
                if (path.IsFilled && subpath.GetBoundingRectangle() is { } filled)
                {
                    var box = frame.ToBox(filled);
                    if (!AddIfRule(rules, box, 0) && subpath.IsDrawnAsRectangle && IsPanel(box, frame))
                    {
                        panels.Add(new PagePanel(box, Hex(path.FillColor)));
                    }
                }

                if (path.IsStroked)
                {
                    foreach (var (from, to) in Segments(subpath))
                    {
                        AddIfRule(rules, frame.ToBox(new PdfRectangle(from, to)), path.LineWidth);
                    }
                }
            }
        }

        return (rules, panels);
    }

    private static bool AddIfRule(List<PageRule> rules, PageBox box, double lineWidth)
    {
        var half = lineWidth / 2;
        var thick = box.Inflate(half, half);
        var thin = Math.Min(thick.Width, thick.Height);
        var length = Math.Max(thick.Width, thick.Height);
        if (thin <= RuleThickness && length >= RuleLength)
        {
            rules.Add(new PageRule(thick));
            return true;
        }

        return false;
    }

    /// <summary>A panel is bigger than a rule and smaller than the page (a white page background is no panel).</summary>
    private static bool IsPanel(PageBox box, Frame frame) =>
        box.Width >= RuleLength && box.Height > RuleThickness && box.Area < 0.5 * frame.Width * frame.Height;

    private static IEnumerable<(PdfPoint From, PdfPoint To)> Segments(PdfSubpath subpath)
    {
        PdfPoint? first = null;
        PdfPoint? current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    first = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    first ??= line.From;
                    yield return (line.From, line.To);
                    current = line.To;
                    break;
                case PdfSubpath.Close when first is { } f && current is { } c:
                    yield return (c, f);
                    current = f;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// The flip from PDF's bottom-left origin to the top-left one. PdfPig hands out coordinates already moved (and
    /// turned) so that the crop box, what a rasteriser draws, spans 0..width and 0..height whatever numbers the
    /// PDF gave it (a trimmed page's crop box often starts 54 points up its media box).
    /// </summary>
    private readonly record struct Frame(double Width, double Height)
    {
        public double Left => 0;

        public double Top => Height;

        public PageBox ToBox(PdfRectangle r) =>
            new(Math.Min(r.Left, r.Right), Height - Math.Max(r.Top, r.Bottom), Math.Max(r.Left, r.Right), Height - Math.Min(r.Top, r.Bottom));
    }
}
