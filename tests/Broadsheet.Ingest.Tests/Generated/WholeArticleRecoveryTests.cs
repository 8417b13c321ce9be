using Broadsheet.Bench.Accuracy;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Samples;

namespace Broadsheet.Ingest.Tests.Generated;

/// <summary>
/// One edition as the accuracy bench makes them (seed 24, a tuning seed: an English page, numbers split into runs the
/// Founder way, and page 02 set in fonts with no usable Unicode map), scored as the bench scores. The bar sits under
/// what detection reaches (see bench/README.md) so that it catches regressions, not the next layout.
/// </summary>
public sealed class WholeArticleRecoveryTests : IClassFixture<WholeArticleRecoveryTests.Edition>
{
    private readonly Edition _edition;

    public WholeArticleRecoveryTests(Edition edition) => _edition = edition;

    [Fact]
    public void Nearly_every_article_is_recovered_whole()
    {
        var articles = _edition.Articles;
        var whole = articles.Count(a => a.Whole);

        Assert.True(articles.Count >= 30, $"only {articles.Count} articles");
        Assert.True(whole >= 0.95 * articles.Count, $"{whole} of {articles.Count} recovered whole");
        Assert.All(articles, a => Assert.True(a.Headline, $"{a.Truth.Id} '{a.Truth.Headline}' not found"));
    }

    [Fact]
    public void The_page_without_a_usable_unicode_map_is_left_for_review_with_no_articles()
    {
        var unreadable = Assert.Single(_edition.Pages, p => p.TruthUnreadable);

        Assert.Equal("02", unreadable.Label);
        Assert.True(unreadable.MarkedForReview);
        Assert.Empty(unreadable.Articles);
        Assert.All(_edition.Pages.Where(p => !p.TruthUnreadable), p => Assert.False(p.MarkedForReview, $"page {p.Label} marked for review"));
    }

    [Fact]
    public void Numbers_split_into_runs_read_as_printed()
    {
        var withNumbers = _edition.Articles.Where(a => a.Truth.Paragraphs.Any(p => p.Any(char.IsAsciiDigit)) && a.Truth.Kind == ArticleKind.Story).ToList();

        Assert.NotEmpty(withNumbers);
        Assert.True(withNumbers.Count(a => a.Body) >= 0.95 * withNumbers.Count, $"{withNumbers.Count(a => a.Body)} of {withNumbers.Count} bodies with numbers read whole");
    }

    [Fact]
    public void The_continued_article_is_joined_across_its_pages()
    {
        var continued = Assert.Single(_edition.Articles, a => a.IsContinued);

        Assert.True(continued.PartsJoined);
        Assert.True(continued.Body);
    }

    /// <summary>The edition, generated, read and scored once for the class.</summary>
    public sealed class Edition : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Edition()
        {
            var edition = SampleEditionGenerator.Generate(BenchEditions.Options(24, 8), _temp.Folder("24"));
            (Articles, Pages) = EditionRun.Run(24, edition);
        }

        internal List<ArticleResult> Articles { get; }

        internal List<PageResult> Pages { get; }

        public void Dispose() => _temp.Dispose();
    }
}
