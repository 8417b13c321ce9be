using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

/// <summary>An undo puts the articles a structural change touched back as they were, and refuses once someone has changed them since.</summary>
public sealed class EditionUndoTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Undoing_a_merge_brings_the_absorbed_article_back_with_its_text_region_photo_and_place()
    {
        var (edition, page) = Edition();
        var kept = edition.Articles[0];
        var absorbed = edition.Articles[1];
        var before = edition.Articles.Select(ArticleSnapshot.Of).ToList();
        var undo = EditionUndo.Before(edition, [kept, absorbed], "xiaowang", "并入了《乙》", At);

        edition.MergeArticles(kept, absorbed);
        undo.Seal();
        var restored = undo.Restore(edition);

        Assert.Equal(2, restored.Count);
        Assert.Equal(before, edition.Articles.OrderBy(a => a.Order).Select(ArticleSnapshot.Of));
        Assert.Equal(["甲", "乙", "丙"], edition.Articles.OrderBy(a => a.Order).Select(a => a.Headline));
        Assert.Single(edition.Articles.Single(a => a.Headline == "乙").Images);
        Assert.True(edition.Articles.Single(a => a.Headline == "乙").IsOn(page));
    }

    [Fact]
    public void An_undo_refuses_once_the_articles_have_changed_since()
    {
        var (edition, _) = Edition();
        var article = edition.Articles[2];
        var undo = EditionUndo.Before(edition, [article], "xiaowang", "删了一段", At);
        article.Apply(new ArticleContent { Headline = "丙", Paragraphs = [] });
        undo.Seal();

        article.Apply(new ArticleContent { Headline = "丙", Paragraphs = ["另一位编辑后来写的。"] });

        Assert.False(undo.StillApplies(edition));
        var refused = Assert.Throws<DomainException>(() => undo.Restore(edition));
        Assert.Contains("不能撤销", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["另一位编辑后来写的。"], article.Paragraphs);
    }

    [Fact]
    public void Repeated_and_in_line_corners_are_dropped_and_the_outline_kept()
    {
        var outline = new Polygon([new(0.1, 0.1), new(0.3, 0.1), new(0.5, 0.1), new(0.5, 0.1), new(0.5, 0.5), new(0.1, 0.5), new(0.1, 0.3)]);

        var simplified = outline.Simplified();

        Assert.Equal([new(0.1, 0.1), new(0.5, 0.1), new(0.5, 0.5), new(0.1, 0.5)], simplified.Points);
        Assert.Same(simplified, simplified.Simplified());
    }

    private static (Edition Edition, Page Page) Edition()
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        var page = edition.AddPage("01", "头版", new PageSize(842, 1191));
        var articles = new[] { "甲", "乙", "丙" }.Select((h, i) =>
        {
            var article = edition.AddArticle(new ArticleContent { Headline = h, Paragraphs = [h + "的第一段。", h + "的第二段。"] });
            article.AddRegion(page, Polygon.Rectangle(0.1 + (0.3 * i), 0.1, 0.35 + (0.3 * i), 0.5));
            return article;
        }).ToList();
        articles[1].AddImage(page, Polygon.Rectangle(0.45, 0.2, 0.6, 0.3), "乙的图片。", "记者");
        // Ids as a saved edition has them: an undo names articles by id.
        foreach (var (article, id) in articles.Select((a, i) => (a, i + 1)))
        {
            typeof(Article).GetProperty(nameof(Article.Id))!.SetValue(article, id);
        }

        return (edition, page);
    }
}
