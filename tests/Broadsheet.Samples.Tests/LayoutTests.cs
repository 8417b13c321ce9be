using System.Text.Json;
using Broadsheet.Core.Model;

namespace Broadsheet.Samples.Tests;

/// <summary>The default edition looks like a newspaper and its ground truth is consistent.</summary>
public sealed class LayoutTests(ChineseEditionFixture fixture) : IClassFixture<ChineseEditionFixture>
{
    private SampleEdition Edition => fixture.Edition;

    private IEnumerable<TruthArticle> AllArticles => Edition.Pages.SelectMany(p => p.Articles).DistinctBy(a => a.Id);

    [Fact]
    public void Pages_are_named_by_label_and_name_with_truth_beside_them()
    {
        Assert.Equal(["01", "02", "03", "04", "05", "06", "07", "08"], Edition.Pages.Select(p => p.Label));
        Assert.Equal("头版", Edition.Pages[0].Name);
        Assert.Equal(Edition.Pages.Count, Edition.Pages.Select(p => p.Name).Distinct().Count());
        foreach (var page in Edition.Pages)
        {
            Assert.Equal($"{page.Label}-{page.Name}.pdf", Path.GetFileName(page.PdfPath));
            Assert.Equal($"{page.Label}-{page.Name}.truth.json", Path.GetFileName(page.TruthPath));
            Assert.True(File.Exists(page.PdfPath) && File.Exists(page.TruthPath));
        }
    }

    [Fact]
    public void Pages_are_broadsheets_of_one_size()
    {
        foreach (var page in Edition.Pages)
        {
            var text = fixture.Text(page.Label);
            Assert.Equal((page.WidthPt, page.HeightPt), (text.Width, text.Height));
            Assert.Equal((992d, 1417d), (page.WidthPt, page.HeightPt));
        }
    }

    [Fact]
    public void Truth_files_read_back_as_the_articles_returned()
    {
        foreach (var page in Edition.Pages)
        {
            Assert.Equal(JsonSerializer.Serialize(page.Articles), JsonSerializer.Serialize(GroundTruth.Read(page.TruthPath)));
        }
    }

    [Fact]
    public void Truth_files_are_readable_by_eye()
    {
        var json = File.ReadAllText(Edition.Pages[0].TruthPath);
        Assert.Contains("\"headline\": \"", json, StringComparison.Ordinal);
        Assert.Contains(Edition.Pages[0].Articles[0].Paragraphs[0][..4], json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"story\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_has_four_to_eight_articles()
    {
        Assert.All(Edition.Pages, p => Assert.InRange(p.Articles.Count, 4, 8));
    }

    [Fact]
    public void Regions_are_rectilinear_polygons_on_the_page()
    {
        foreach (var region in AllArticles.SelectMany(a => a.Regions.Concat(a.Images.Select(i => new TruthRegion(i.PageLabel, i.Points)))))
        {
            Assert.True(region.Points.Count >= 4);
            Assert.All(region.Points, p => Assert.True(p.X is >= 0 and <= 1 && p.Y is >= 0 and <= 1, $"{p} lies off the page"));
            for (var i = 0; i < region.Points.Count; i++)
            {
                var (a, b) = (region.Points[i], region.Points[(i + 1) % region.Points.Count]);
                Assert.True(a.X == b.X || a.Y == b.Y, $"edge {a} -> {b} is not horizontal or vertical");
            }
        }
    }

    [Fact]
    public void Regions_of_different_articles_never_overlap()
    {
        foreach (var page in Edition.Pages)
        {
            // Rectilinear polygons can only overlap in a cell of the grid their own corners make, so testing the
            // centre of every such cell is exact.
            var polygons = page.Articles.Select(a => new Polygon(a.Regions.Single(r => r.PageLabel == page.Label).Points)).ToList();
            var xs = Midpoints(polygons.SelectMany(p => p.Points).Select(p => p.X));
            var ys = Midpoints(polygons.SelectMany(p => p.Points).Select(p => p.Y));
            foreach (var x in xs)
            {
                foreach (var y in ys)
                {
                    Assert.True(polygons.Count(p => p.Contains(x, y)) <= 1, $"page {page.Label}: regions overlap at ({x:0.###}, {y:0.###})");
                }
            }
        }
    }

    [Fact]
    public void Photos_lie_inside_their_articles()
    {
        foreach (var article in AllArticles)
        {
            foreach (var image in article.Images)
            {
                var region = new Polygon(article.Regions.Single(r => r.PageLabel == image.PageLabel).Points);
                var (left, top, right, bottom) = new Polygon(image.Points).Bounds;
                Assert.True(region.Contains((left + right) / 2, (top + bottom) / 2), $"a photo of {article.Id} lies outside it");
            }
        }
    }

    [Fact]
    public void Page_one_has_a_masthead_and_the_others_a_page_header()
    {
        var front = fixture.Text("01");
        Assert.NotEmpty(front.Find(fixture.Options.PublicationName, minSize: 60));
        Assert.True(front.Contains("2026年11月2日"));
        Assert.True(front.Contains("星期一"));
        Assert.Matches("总第[0-9]+期", front.Compact);
        foreach (var page in Edition.Pages.Skip(1))
        {
            var text = fixture.Text(page.Label);
            Assert.True(text.Contains($"第{page.Label}版"), $"page {page.Label} header");
            Assert.NotEmpty(text.Find(page.Name, minSize: 18));
            Assert.Empty(text.Find(fixture.Options.PublicationName, minSize: 60));
        }
    }

    [Fact]
    public void The_edition_has_briefs_photo_news_and_an_advertisement()
    {
        var briefs = AllArticles.Where(a => a.Kind == ArticleKind.Briefs).ToList();
        Assert.NotEmpty(briefs);
        Assert.All(briefs, b => Assert.EndsWith("简讯", b.Headline, StringComparison.Ordinal));
        Assert.All(briefs, b => Assert.True(b.Paragraphs.Count >= 2 && b.Paragraphs.All(p => p.Contains('　', StringComparison.Ordinal))));

        var photoNews = AllArticles.Where(a => a.Kind == ArticleKind.PhotoNews).ToList();
        Assert.NotEmpty(photoNews);
        Assert.All(photoNews, p => Assert.True(p.Paragraphs.Count == 0 && p.Images.Count == 1 && p.Images[0].Caption is not null && p.Images[0].Credit is not null));

        var adverts = AllArticles.Where(a => a.Kind == ArticleKind.Advertisement).ToList();
        Assert.NotEmpty(adverts);
        Assert.All(adverts, a => Assert.True(fixture.Text(a.Regions[0].PageLabel).Contains("广告")));
    }

    [Fact]
    public void Some_story_is_l_shaped_around_another_item()
    {
        Assert.Contains(AllArticles, a => a.Kind == ArticleKind.Story && a.Regions.Any(r => r.Points.Count == 6));
    }

    [Fact]
    public void One_story_jumps_from_page_one_to_an_inner_page()
    {
        var jumped = Assert.Single(AllArticles, a => a.Regions.Count > 1);
        Assert.Equal(["01", jumped.ContinuedToPage], jumped.Regions.Select(r => r.PageLabel));
        Assert.Equal("01", jumped.ContinuedFromPage);
        var target = int.Parse(jumped.ContinuedToPage!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(fixture.Text("01").Contains($"（转第{target}版）"));
        Assert.True(fixture.Text(jumped.ContinuedToPage!).Contains("（上接第1版）"));
        Assert.Contains(Edition.Pages.Single(p => p.Label == jumped.ContinuedToPage).Articles, a => a.Id == jumped.Id);
        Assert.DoesNotContain(jumped.Paragraphs, p => p.Contains("转第", StringComparison.Ordinal) || p.Contains("上接", StringComparison.Ordinal));
    }

    [Fact]
    public void Bylines_are_lifted_out_of_the_body()
    {
        var stories = AllArticles.Where(a => a.Kind == ArticleKind.Story).ToList();
        var inline = stories.Where(a => a.Dateline is not null && a.Byline is not null).ToList();
        Assert.NotEmpty(inline);
        foreach (var story in inline)
        {
            var text = fixture.Text(story.Regions[0].PageLabel);
            Assert.True(text.Contains($"{story.Dateline}（{story.Byline}）{story.Paragraphs[0]}"), $"{story.Id} first line");
        }

        var ownLine = stories.Where(a => a.Dateline is null && a.Byline is not null).ToList();
        Assert.NotEmpty(ownLine);
        foreach (var story in ownLine)
        {
            var text = fixture.Text(story.Regions[0].PageLabel);
            Assert.True(text.Contains($"■{story.Byline}") || text.Contains($"□{story.Byline}") || text.Contains($"{story.Byline} 报道"), $"{story.Id} byline line");
        }

        Assert.All(stories.Where(s => s.Byline is not null), s => Assert.DoesNotContain(s.Paragraphs, p => p.Contains(s.Byline!, StringComparison.Ordinal)));
    }

    [Fact]
    public void Some_stories_have_kickers_subheadlines_and_subheads()
    {
        var stories = AllArticles.Where(a => a.Kind == ArticleKind.Story).ToList();
        Assert.Contains(stories, s => s.Kicker is not null);
        Assert.Contains(stories, s => s.Subheadline?.StartsWith("——", StringComparison.Ordinal) == true);
        Assert.Contains(stories, s => s.Subheads.Count > 0 && s.Subheads.All(s.Paragraphs.Contains));
    }

    private static List<double> Midpoints(IEnumerable<double> values)
    {
        var sorted = values.Distinct().Order().ToList();
        return [.. sorted.Zip(sorted.Skip(1), (a, b) => (a + b) / 2)];
    }
}
