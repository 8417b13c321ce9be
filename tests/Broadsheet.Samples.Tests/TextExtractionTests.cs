using Broadsheet.Core.Model;

namespace Broadsheet.Samples.Tests;

/// <summary>The ground truth must be what a PDF reader reads back, where the truth says it is.</summary>
public abstract class TextExtractionTests(EditionFixture fixture)
{
    [Fact]
    public void Every_text_field_of_every_article_is_read_back_from_its_pages()
    {
        var texts = fixture.Edition.Pages.ToDictionary(p => p.Label, p => fixture.Text(p.Label));
        var problems = new List<string>();
        foreach (var page in fixture.Edition.Pages)
        {
            foreach (var article in page.Articles.Where(a => a.Regions[0].PageLabel == page.Label))
            {
                var first = texts[page.Label];
                var printedOn = article.Regions.Select(r => texts[r.PageLabel]).ToList();
                Expect(first, article.Headline, $"{article.Id} headline");
                Expect(first, article.Kicker, $"{article.Id} kicker");
                Expect(first, article.Subheadline, $"{article.Id} subheadline");
                Expect(first, article.Byline, $"{article.Id} byline");
                Expect(first, article.Dateline, $"{article.Id} dateline");
                foreach (var paragraph in article.Paragraphs.Where(p => !printedOn.Any(t => t.Contains(p))))
                {
                    problems.Add($"{article.Id} paragraph not on its pages: {paragraph}");
                }

                foreach (var image in article.Images)
                {
                    Expect(texts[image.PageLabel], image.Caption, $"{article.Id} caption");
                    Expect(texts[image.PageLabel], image.Credit, $"{article.Id} credit");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        void Expect(PdfText text, string? value, string what)
        {
            if (value is not null && !text.Contains(value))
            {
                problems.Add($"{what} not in the page text: {value}");
            }
        }
    }

    [Fact]
    public void Every_headline_is_printed_inside_its_region_on_each_of_its_pages()
    {
        var problems = new List<string>();
        foreach (var page in fixture.Edition.Pages)
        {
            var text = fixture.Text(page.Label);
            foreach (var article in page.Articles)
            {
                var region = new Polygon(article.Regions.Single(r => r.PageLabel == page.Label).Points);
                var occurrences = text.Find(article.Headline, minSize: 12).ToList();
                if (occurrences.Count == 0)
                {
                    problems.Add($"{page.Label}: headline of {article.Id} not found at display size: {article.Headline}");
                }
                else if (!occurrences.Any(letters => letters.All(l => Inside(region, text.Box(l)))))
                {
                    var outside = occurrences[0].First(l => !Inside(region, text.Box(l)));
                    problems.Add($"{page.Label}: headline of {article.Id} is printed outside its region {region.Bounds}: {article.Headline} ('{outside.Value}' at {text.Box(outside)}, size {outside.PointSize})");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Photos_are_image_objects_in_the_pdf()
    {
        foreach (var page in fixture.Edition.Pages)
        {
            var images = page.Articles.SelectMany(a => a.Images).Count(i => i.PageLabel == page.Label);
            Assert.True(fixture.Text(page.Label).ImageCount >= images, $"page {page.Label} should hold {images} images");
        }
    }

    [Fact]
    public void TrueType_pages_read_back_without_kangxi_radicals()
    {
        Assert.All(fixture.Edition.Pages, p => Assert.DoesNotContain(fixture.Text(p.Label).Compact, c => c is >= '\u2E80' and <= '\u2FDF'));
        var pdf = File.ReadAllText(fixture.Edition.Pages[0].PdfPath, System.Text.Encoding.Latin1);
        Assert.Contains("/Subtype /CIDFontType2", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("/Type3", pdf, StringComparison.Ordinal);
    }

    private static bool Inside(Polygon region, (NormalisedPoint TopLeft, NormalisedPoint BottomRight) box) =>
        region.Contains(box.TopLeft.X, box.TopLeft.Y) && region.Contains(box.BottomRight.X, box.BottomRight.Y);
}

public sealed class ChineseTextExtractionTests(ChineseEditionFixture fixture)
    : TextExtractionTests(fixture), IClassFixture<ChineseEditionFixture>;

public sealed class EnglishTextExtractionTests(EnglishEditionFixture fixture)
    : TextExtractionTests(fixture), IClassFixture<EnglishEditionFixture>
{
    [Fact]
    public void The_english_page_is_set_in_english()
    {
        var page = Assert.Single(fixture.Edition.Pages, p => p.Name == "International");
        var stories = page.Articles.Where(a => a.Kind == ArticleKind.Story).ToList();
        Assert.NotEmpty(stories);
        Assert.All(stories.SelectMany(s => s.Paragraphs), p => Assert.True(p.All(c => c < 0x80 || c == '—'), p));
        Assert.Contains(" ", PdfTextRaw(page.PdfPath), StringComparison.Ordinal);
    }

    private static string PdfTextRaw(string path)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(path);
        return document.GetPage(1).Text;
    }
}
