using Broadsheet.Bench.Accuracy.Corpus;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;
using Xunit.Abstractions;

namespace Broadsheet.Ingest.Tests.Corpus;

/// <summary>
/// Detection on the pages real newsrooms printed (the shared corpus beside the repository, never copied into it),
/// scored against their ground truth as <c>score.py</c> scores an edition: an article is recovered when a detected
/// one has its headline, holds its phrases and none of another's. Skipped, saying so, where the corpus is absent.
/// </summary>
// Real corpus pages read and detected whole: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class RealPagesTests(ITestOutputHelper output)
{
    private static readonly string? Folder = CorpusFolder.Path;

    private static readonly Lazy<IReadOnlyList<(CorpusPage Page, IReadOnlyList<CorpusArticleScore> Scores)>> Scored = new(() =>
        [.. CorpusPage.In(Folder!).Select(page => (page, CorpusScorer.Score(page.Articles, new SimpleArticleDetector().Detect(PdfLayoutReader.ReadFirstPage(page.PdfPath, HanScript.Simplified)))))]);

    public static TheoryData<string> Pages { get; } = new(
        "fuzhou-wanbao-2024-04-19-a07", "gansu-fazhi-2024-08-09-p08", "hindu-editorial-15", "nyt-2020-11-12-a01", "repubblica-2024-10-21-p01");

    [CorpusTheory]
    [MemberData(nameof(Pages))]
    public void Nine_in_ten_articles_of_each_page_are_recovered_whole(string name)
    {
        var (_, scores) = Assert.Single(Scored.Value, s => s.Page.Name == name);
        foreach (var lost in scores.Where(s => s.Found is null))
        {
            output.WriteLine($"lost '{lost.Truth.Headline}': {lost.Why}");
        }

        Assert.True(scores.Count(s => s.Found is not null) >= 0.9 * scores.Count, $"{scores.Count(s => s.Found is not null)} of {scores.Count} recovered");
    }

    [CorpusFact]
    public void Together_nineteen_in_twenty_are_recovered_with_kicker_subheadline_and_byline_right()
    {
        var scores = Scored.Value.SelectMany(s => s.Scores).ToList();
        var recovered = scores.Where(s => s.Found is not null).ToList();
        Assert.True(recovered.Count >= 0.95 * scores.Count, $"{recovered.Count} of {scores.Count} recovered");
        foreach (var field in new[] { "kicker", "subheadline", "byline" })
        {
            var asked = recovered.Where(s => !string.IsNullOrEmpty(field switch { "kicker" => s.Truth.Kicker, "subheadline" => s.Truth.Subheadline, _ => s.Truth.Byline })).ToList();
            var wrong = asked.Where(s => s.WrongFields.Any(w => w.StartsWith(field + ":", StringComparison.Ordinal))).ToList();
            wrong.ForEach(w => output.WriteLine($"{field} of '{w.Truth.Headline}': {string.Join("; ", w.WrongFields)}"));
            Assert.True(asked.Count - wrong.Count >= 0.95 * asked.Count, $"{field}: {asked.Count - wrong.Count} of {asked.Count} right");
        }
    }

    [CorpusFact]
    public void A_page_whose_fonts_have_no_unicode_map_is_not_taken_for_text()
    {
        // Type1C fonts without a Unicode map read as ASCII glyph numbers ("!\"#$%&'"); CID fonts mapped to U+FFFD.
        foreach (var file in new[] { "quirks/henan-shangbao-c01-type1c-no-unicode.pdf", "quirks/indian-express-editorial-cid-no-unicode.pdf" })
        {
            Assert.True(PdfLayoutReader.ReadFirstPage(Path.Combine(Folder!, file)).IsUnreadable, file);
        }

        Assert.All(Scored.Value, s => Assert.False(PdfLayoutReader.ReadFirstPage(s.Page.PdfPath).IsUnreadable, s.Page.Name));
    }

    [CorpusFact]
    public void An_opinion_pages_author_boxes_give_bylines_and_their_standfirsts_stay_out_of_the_text()
    {
        // A page without ground truth, so it was never tuned on: portraits with a name and a line on the writer,
        // and beside the text a standfirst in larger type (under the author box, or at the foot of the column).
        var articles = new SimpleArticleDetector().Detect(PdfLayoutReader.ReadFirstPage(Path.Combine(Folder!, "hindu-editorial-19.pdf")));

        var lead = Assert.Single(articles, a => a.Headline == "Employment guarantee has slipped into limbo");
        Assert.Equal("Jean Drèze, Mohammad Zameer", lead.Byline);
        Assert.Equal("VB-G RAM G has driven employment guarantee into the ditch", lead.Subheadline);
        var second = Assert.Single(articles, a => a.Headline == "A vision for an inclusive Bangladesh");
        Assert.Equal("Shahadat Shadhin", second.Byline);
        Assert.StartsWith("Under Prime Minister Tarique Rahman", second.Subheadline, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Paragraphs, p => p.Contains("Deputy Press Secretary", StringComparison.Ordinal) || p.StartsWith("Under Prime Minister", StringComparison.Ordinal));
    }

    [CorpusFact]
    public void A_gazette_set_top_to_bottom_reads_column_by_column_right_to_left_as_one_article_for_the_desk_to_check()
    {
        var layout = PdfLayoutReader.ReadFirstPage(Path.Combine(Folder!, "quirks/kampo-japanese-vertical-rc4.pdf"));

        // Read across, the page's columns ran together: "第三第五四超第折る".
        Assert.Contains(layout.Lines, l => l.IsVertical && l.Text == "道路交通法施行令の一部を改正する政令");
        Assert.DoesNotContain(layout.Lines, l => l.Text.Contains("第三第五四超第折る", StringComparison.Ordinal));
        var article = Assert.Single(new SimpleArticleDetector().Detect(layout));
        Assert.Equal("政令第百四十九号", article.Headline);
        Assert.True(article.HeadlineGuessed);
        Assert.True(article.Doubts.HasFlag(Broadsheet.Core.Model.ArticleDoubts.HeadlineGuessed));
        var text = string.Join("", article.Paragraphs);
        var opening = text.IndexOf("内閣は、道路交通法の一部を改正する法律", StringComparison.Ordinal);
        var amendment = text.IndexOf("第三条の二第一項中「行なわせる」を「行わせる」に", StringComparison.Ordinal);
        Assert.True(opening >= 0 && amendment > opening, text[..Math.Min(200, text.Length)]);
        Assert.DoesNotContain("官報", article.Headline + text, StringComparison.Ordinal);
    }
}
