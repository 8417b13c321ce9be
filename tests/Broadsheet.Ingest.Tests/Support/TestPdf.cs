using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Broadsheet.Ingest.Tests.Support;

/// <summary>
/// Writes small page PDFs with the standard 14 fonts. Positions are given as a reader sees the page:
/// from the top-left corner, in points, with <c>top</c> the top of the line's em box.
/// </summary>
internal sealed class TestPdf(double width = 595, double height = 842)
{
    /// <summary>A 1x1 PNG, enough for PdfPig to place an image.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly List<Action<PdfPageBuilder, Fonts>> _draw = [];

    public double Width => width;

    public double Height => height;

    public TestPdf Text(string text, double size, double left, double top, bool bold = false)
    {
        var baseline = top + (0.88 * size);
        _draw.Add((page, fonts) => page.AddText(text, size, new PdfPoint(left, height - baseline), bold ? fonts.Bold : fonts.Regular));
        return this;
    }

    public TestPdf Rule(double left, double top, double right, double? bottom = null, double thickness = 1)
    {
        _draw.Add((page, _) => page.DrawLine(new PdfPoint(left, height - top), new PdfPoint(right, height - (bottom ?? top)), thickness));
        return this;
    }

    public TestPdf Image(double left, double top, double right, double bottom)
    {
        _draw.Add((page, _) => page.AddPng(Png, new PdfRectangle(left, height - bottom, right, height - top)));
        return this;
    }

    public byte[] Build()
    {
        using var builder = new PdfDocumentBuilder();
        var fonts = new Fonts(builder.AddStandard14Font(Standard14Font.Helvetica), builder.AddStandard14Font(Standard14Font.HelveticaBold));
        var page = builder.AddPage(width, height);
        foreach (var draw in _draw)
        {
            draw(page, fonts);
        }

        return builder.Build();
    }

    public string Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Build());
        return path;
    }

    /// <summary>
    /// An English newspaper page: a header with the page label closed by a rule, and stories, each a bold
    /// headline over its columns with body text below.
    /// </summary>
    public static TestPdf Newspaper(string label, params TestStory[] stories)
    {
        var pdf = new TestPdf();
        pdf.Text($"Page {label}   The Test Daily   Monday, November 2, 2026", 8, 40, 30).Rule(40, 45, 555);
        foreach (var story in stories)
        {
            story.Draw(pdf);
        }

        return pdf;
    }

    private sealed record Fonts(PdfDocumentBuilder.AddedFont Regular, PdfDocumentBuilder.AddedFont Bold);
}

/// <summary>A story for <see cref="TestPdf.Newspaper"/>: headline at (left, top) over <c>columns</c> columns of body lines.</summary>
internal sealed record TestStory(string Headline, double Left, double Top, int Columns, int LinesPerColumn)
{
    public const double ColumnWidth = 160;
    public const double Gutter = 12;
    public const double BodySize = 9;
    public const double Leading = 12;
    public const double HeadlineSize = 20;

    public string? Byline { get; init; }

    public double Right => Left + (Columns * ColumnWidth) + ((Columns - 1) * Gutter);

    public double Bottom => Top + 30 + (Byline is null ? 0 : Leading) + (LinesPerColumn * Leading);

    /// <summary>The body text, one entry per printed line, column by column.</summary>
    public IReadOnlyList<string> BodyLines =>
        [.. Enumerable.Range(0, Columns * LinesPerColumn).Select(i => $"{Headline.Split(' ')[0]} line {i + 1} of the story text here.")];

    public void Draw(TestPdf pdf)
    {
        pdf.Text(Headline, HeadlineSize, Left, Top, bold: true);
        var top = Top + 30;
        if (Byline is not null)
        {
            pdf.Text(Byline, BodySize, Left, top);
            top += Leading;
        }

        var lines = BodyLines;
        for (var c = 0; c < Columns; c++)
        {
            for (var l = 0; l < LinesPerColumn; l++)
            {
                pdf.Text(lines[(c * LinesPerColumn) + l], BodySize, Left + (c * (ColumnWidth + Gutter)), top + (l * Leading));
            }
        }
    }
}
