using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Import;
using Xunit.Abstractions;

namespace Broadsheet.Ingest.Tests.Generated;

/// <summary>
/// The simple detector against the sample generator's ground truth. The bars are set a little under what it
/// reaches today (see the report these tests print) so that they catch regressions, not the generator's
/// next layout.
/// </summary>
public sealed class DetectionOnGeneratedPagesTests(GeneratedEditions editions, ITestOutputHelper output) : IClassFixture<GeneratedEditions>
{
    private DetectionEvaluation Evaluate(DetectionEvaluation evaluation)
    {
        output.WriteLine(evaluation.Report());
        return evaluation;
    }

    [Fact]
    public void Every_headline_is_found_exactly_as_printed()
    {
        var evaluation = Evaluate(editions.TrueTypeDetection);
        var extra = evaluation.Extra.Select(e => e.Article).ToList();

        var missing = evaluation.Scores
            .Where(s => s.Found is null && !DetectionEvaluation.IsUnprintable(s, extra))
            .Select(s => $"{s.PageLabel}: {s.Truth.Headline}")
            .ToList();

        Assert.Empty(missing);
        Assert.True(evaluation.Scores.Count >= 30, $"only {evaluation.Scores.Count} articles in the sample edition");
    }

    [Fact]
    public void Kicker_subheadline_byline_dateline_and_kind_are_right_for_nearly_every_article()
    {
        var evaluation = Evaluate(editions.TrueTypeDetection);

        Assert.True(evaluation.Share(s => s.Kicker) >= 0.95, $"kicker {evaluation.Share(s => s.Kicker):P0}");
        Assert.True(evaluation.Share(s => s.Subheadline) >= 0.95, $"subheadline {evaluation.Share(s => s.Subheadline):P0}");
        Assert.True(evaluation.Share(s => s.Byline) >= 0.9, $"byline {evaluation.Share(s => s.Byline):P0}");
        Assert.True(evaluation.Share(s => s.Dateline) >= 0.9, $"dateline {evaluation.Share(s => s.Dateline):P0}");
        Assert.True(evaluation.Share(s => s.Kind) >= 0.95, $"kind {evaluation.Share(s => s.Kind):P0}");
        Assert.Contains(evaluation.Scores, s => s.Truth.Kind == ArticleKind.Advertisement && s.Kind);
        Assert.Contains(evaluation.Scores, s => s.Truth.Kind == ArticleKind.PhotoNews && s.Kind);
        Assert.Contains(evaluation.Scores, s => s.Truth.Kind == ArticleKind.Briefs && s.Kind);
    }

    [Fact]
    public void Body_text_comes_out_paragraph_by_paragraph()
    {
        var evaluation = Evaluate(editions.TrueTypeDetection);

        Assert.True(evaluation.Share(s => s.Paragraphs) >= 0.9, $"paragraphs exact {evaluation.Share(s => s.Paragraphs):P0}");
        Assert.True(evaluation.Share(s => s.Images) >= 0.9, $"photo captions and credits {evaluation.Share(s => s.Images):P0}");
    }

    [Fact]
    public void Regions_cover_the_articles_as_printed()
    {
        var evaluation = Evaluate(editions.TrueTypeDetection);
        var found = evaluation.Scores.Where(s => s.Found is not null).ToList();

        Assert.True(evaluation.MeanIoU >= 0.95, $"mean IoU {evaluation.MeanIoU:0.000}");
        Assert.All(found, s => Assert.True(s.RegionIoU >= 0.8, $"{s.PageLabel} {s.Truth.Headline}: IoU {s.RegionIoU:0.00}"));
    }

    [Fact]
    public void Articles_come_in_the_papers_reading_order()
    {
        var evaluation = Evaluate(editions.TrueTypeDetection);

        Assert.True(evaluation.ReadingOrderShare >= 0.85, $"pages in reading order {evaluation.ReadingOrderShare:P0}");
    }

    [Fact]
    public void An_article_continued_on_another_page_is_joined_into_one()
    {
        var evaluation = Evaluate(editions.TrueTypeDetection);
        var continued = editions.TrueType.Pages.SelectMany(p => p.Articles).Where(a => a.ContinuedToPage is not null).DistinctBy(a => a.Id).ToList();
        Assert.NotEmpty(continued);

        var joined = ContinuationJoiner.Join([.. evaluation.Pages.Select(p => (p.Label, p.Articles))]);

        foreach (var truth in continued)
        {
            var article = Assert.Single(joined, a => a.Content.Headline == truth.Headline);
            Assert.Equal(truth.Regions.Select(r => r.PageLabel), article.Parts.Select(p => evaluation.Pages[p.Page].Label));
            Assert.Equal(truth.Paragraphs, article.Content.Paragraphs);
        }
    }

    [Fact]
    public void Sub_heads_printed_between_paragraphs_come_out_as_sub_heads_and_nothing_else_does()
    {
        var evaluation = Evaluate(editions.TrueTypeDetection);
        var read = evaluation.Scores.Where(s => s.Found is not null && s.Paragraphs && !s.IsContinuation && s.Truth.ContinuedToPage is null).ToList();
        var sectioned = read.Where(s => s.Truth.Subheads.Count > 0).ToList();

        var found = sectioned.Count(s => SubheadsOf(s.Found!).SequenceEqual(s.Truth.Subheads));
        var wrong = read.SelectMany(s => SubheadsOf(s.Found!).Except(s.Truth.Subheads).Select(t => $"{s.PageLabel} {s.Truth.Headline}: {t}")).ToList();
        output.WriteLine($"sectioned stories {sectioned.Count}, sub-heads all found {found}, paragraphs wrongly called sub-heads {wrong.Count}");

        Assert.True(sectioned.Count >= 3, $"only {sectioned.Count} stories with sub-heads read whole");
        Assert.Equal(sectioned.Count, found);
        Assert.Empty(wrong);
    }

    [Fact]
    public void A_briefs_items_run_in_titles_are_their_bold_leads()
    {
        var evaluation = Evaluate(editions.TrueTypeDetection);
        var briefs = evaluation.Scores.Where(s => s.Truth.Kind == ArticleKind.Briefs && s.Found is not null && s.Paragraphs).ToList();

        Assert.NotEmpty(briefs);
        foreach (var score in briefs)
        {
            var leads = score.Found!.ToContent().Paragraphs.Select(p => p.LeadText);
            Assert.Equal(score.Truth.Paragraphs.Select(p => p[..p.IndexOf('\u3000', StringComparison.Ordinal)]), leads);
        }
    }

    private static IEnumerable<string> SubheadsOf(DetectedArticle article) =>
        article.ToContent().Paragraphs.Where(p => p.Kind == ParagraphKind.Subhead).Select(p => p.Text);

    [Fact]
    public void Type3_fonts_that_map_characters_to_kangxi_radicals_read_as_plain_text()
    {
        var evaluation = Evaluate(editions.NotoCffDetection);
        var text = evaluation.Pages.SelectMany(p => p.Articles)
            .SelectMany(a => new[] { a.Kicker, a.Headline, a.Subheadline, a.Byline }.Concat(a.Paragraphs))
            .OfType<string>()
            .ToList();

        Assert.DoesNotContain(text, t => t.Any(c => c is (>= '\u2E80' and <= '\u2FDF') or (>= '\uF900' and <= '\uFAFF')));
        Assert.True(evaluation.Share(s => s.Found is not null) >= 0.95, $"headlines {evaluation.Share(s => s.Found is not null):P0}");
        Assert.True(evaluation.Share(s => s.Paragraphs) >= 0.9, $"paragraphs exact {evaluation.Share(s => s.Paragraphs):P0}");
    }
}
