using System.Globalization;
using System.Text;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

/// <summary>
/// A trimmed page: a 600 x 800 media box whose crop box (what a reader and the rasteriser see) is 50 to 550 across
/// and 100 to 700 up, with a printer's slug line outside it. PdfPig's page builder cannot set a crop box, so the
/// file is written here object by object.
/// </summary>
public sealed class CropBoxTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lines_are_placed_on_the_crop_box_and_what_lies_outside_it_is_dropped()
    {
        var path = _temp.PathOf("trimmed.pdf");
        File.WriteAllBytes(path, TrimmedPage(
            ("Inside the crop box", 12, 100, 600),
            ("SLUG 2026-11-02 A01 PLATE 4", 8, 60, 750)));

        var layout = PdfLayoutReader.ReadFirstPage(path);

        Assert.Equal(500, layout.Width, 1);
        Assert.Equal(600, layout.Height, 1);
        var line = Assert.Single(layout.Lines);
        Assert.Equal("Inside the crop box", line.Text);
        Assert.Equal(50, line.Box.Left, 0);
        Assert.Equal(100, line.Baseline, 0);
        Assert.Equal(100 - (0.88 * 12), line.Box.Top, 0);
    }

    /// <summary>One page, Helvetica text drawn at PDF coordinates (x, baseline y from the media box's bottom).</summary>
    private static byte[] TrimmedPage(params (string Text, double Size, double X, double Y)[] texts)
    {
        var content = string.Concat(texts.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"BT /F1 {t.Size} Tf {t.X} {t.Y} Td ({t.Text}) Tj ET\n")));
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /CropBox [50 100 550 700] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}endstream"),
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
