using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Packages;

public sealed class PdfValidatorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_real_page_passes_with_its_size()
    {
        var path = new TestPdf(842, 1191).Text("Hello", 12, 50, 50).Save(_temp.PathOf("01-头版.pdf"));

        var page = PdfValidator.Validate(PageFileName.Parse(path));

        Assert.Equal(842, page.Size.Width, 3);
        Assert.Equal(1191, page.Size.Height, 3);
        Assert.Equal(1, page.PdfPageCount);
    }

    [Fact]
    public void A_png_renamed_to_pdf_is_not_a_pdf()
    {
        var path = _temp.PathOf("02-要闻.pdf");
        File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.Equal("02-要闻.pdf: not a PDF (it starts with \"\\x89PNG\")", ex.Message);
    }

    [Fact]
    public void A_zip_renamed_to_pdf_shows_its_signature()
    {
        var path = _temp.PathOf("02-要闻.pdf");
        File.WriteAllBytes(path, [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0]);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.Equal("02-要闻.pdf: not a PDF (it starts with \"PK\\x03\\x04\")", ex.Message);
    }

    [Fact]
    public void An_empty_file_is_named()
    {
        var path = _temp.PathOf("05.pdf");
        File.WriteAllBytes(path, []);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.Equal("05.pdf: the file is empty", ex.Message);
    }

    [Fact]
    public void The_first_half_of_a_pdf_is_truncated()
    {
        var whole = new TestPdf().Text("A page that will be cut in half", 12, 50, 50).Build();
        var path = _temp.PathOf("03.pdf");
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.StartsWith("03.pdf: the PDF is truncated or corrupt (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_with_a_damaged_body_is_corrupt()
    {
        var whole = new TestPdf().Text("A page whose middle is garbage", 12, 50, 50).Build();
        var damaged = whole.ToArray();
        for (var i = 20; i < damaged.Length - 40; i++)
        {
            damaged[i] = (byte)'#';
        }

        var path = _temp.PathOf("03.pdf");
        File.WriteAllBytes(path, damaged);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.StartsWith("03.pdf: the PDF is truncated or corrupt (", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void An_encrypted_pdf_is_refused()
    {
        // Made with: qpdf --encrypt user-secret owner-secret 256 -- plain.pdf encrypted-with-user-password.pdf
        var path = _temp.PathOf("04.pdf");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "encrypted-with-user-password.pdf"), path);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.Equal("04.pdf: the PDF is encrypted; export it again without a password", ex.Message);
    }

    [Fact]
    public void A_tiny_page_is_not_a_newspaper_page()
    {
        var path = new TestPdf(30, 40).Text("x", 5, 2, 2).Save(_temp.PathOf("06.pdf"));

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.Equal("06.pdf: the page is 30 x 40 pt, not a plausible newspaper page", ex.Message);
    }

    [Fact]
    public void A_pdf_with_no_pages_is_refused()
    {
        var path = _temp.PathOf("07.pdf");
        File.Copy(Fixtures.Path("no-pages.pdf"), path);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.Equal("07.pdf: the PDF has no pages", ex.Message);
    }

    [Fact]
    public void A_page_of_absurd_dimensions_is_refused()
    {
        var path = _temp.PathOf("08.pdf");
        File.Copy(Fixtures.Path("absurd-20000x20000pt.pdf"), path);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.Equal("08.pdf: the page is 20000 x 20000 pt, not a plausible newspaper page", ex.Message);
    }

    [Fact]
    public void A_committed_corrupt_pdf_is_refused()
    {
        var path = _temp.PathOf("09.pdf");
        File.Copy(Fixtures.Path("corrupt.pdf"), path);

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path)));

        Assert.StartsWith("09.pdf: the PDF is truncated or corrupt (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rotated_page_reports_its_rotation_and_its_unrotated_size()
    {
        var path = _temp.PathOf("11.pdf");
        var pdf = System.Text.Encoding.Latin1.GetString(new TestPdf(842, 1191).Text("Sideways", 12, 50, 50).Build());
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(pdf.Replace("/Type /Page ", "/Type /Page /Rotate 90 ", StringComparison.Ordinal)));

        var page = PdfValidator.Validate(PageFileName.Parse(path));

        Assert.Equal((842, 1191, 90), ((int)page.Size.Width, (int)page.Size.Height, page.Rotation));
    }

    [Fact]
    public void A_page_whose_content_stream_is_missing_passes_for_now()
    {
        // Validation reads only the page's size: the content is read once, while the page is processed, and
        // a failure there fails the import (EditionImporterTests).
        var path = _temp.PathOf("12.pdf");
        File.Copy(Fixtures.Path("content-stream-missing.pdf"), path);

        var page = PdfValidator.Validate(PageFileName.Parse(path));

        Assert.Equal((842, 1191), ((int)page.Size.Width, (int)page.Size.Height));
    }

    [Fact]
    public void A_page_that_would_render_to_too_many_pixels_is_refused()
    {
        var path = new TestPdf(1000, 7000).Text("x", 5, 2, 2).Save(_temp.PathOf("10.pdf"));

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path), 2000, 25_000_000));

        Assert.Equal("10.pdf: the page is 1000 x 7000 pt; 2000 px wide it would be 28 megapixels, more than the 25 allowed", ex.Message);
    }

    [Fact]
    public void A_sliver_far_taller_than_wide_is_no_page()
    {
        // 2000 px wide it would be 280,000 px tall, past what the page images (WebP: 16,383 px) can hold.
        var path = new TestPdf(100, 14000).Text("x", 5, 2, 2).Save(_temp.PathOf("10.pdf"));

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(PageFileName.Parse(path), 2000, 250_000_000));

        Assert.Equal("10.pdf: the page is 100 x 14000 pt, 140 times as tall as it is wide; a page may be at most 8 times", ex.Message);
    }

    [Fact]
    public void A_page_number_beyond_the_pdf_is_named()
    {
        var path = new TestPdf(842, 1191).Text("One page", 12, 50, 50).Save(_temp.PathOf("edition.pdf"));

        var ex = Assert.Throws<ImportException>(() => PdfValidator.Validate(new PackagePage("04", "", path) { PdfPage = 4, FileName = "edition.pdf (page 4)" }));

        Assert.Equal("edition.pdf (page 4): the PDF has 1 pages; there is no page 4", ex.Message);
    }
}
