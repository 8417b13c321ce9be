using System.Text.Json;
using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

/// <summary>A sub-head stays a sub-head and a run-in title stays bold whatever the desk does with the paragraphs.</summary>
public sealed class ParagraphKindsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Splitting_an_article_at_a_sub_head_gives_the_new_article_its_sub_head()
    {
        var (edition, story, _) = Edition();

        var created = edition.SplitArticle(story, 2, "下篇");

        Assert.Equal([ParagraphKind.Body, ParagraphKind.Body], story.Body.Select(p => p.Kind));
        Assert.Equal([ParagraphKind.Subhead, ParagraphKind.Body], created.Body.Select(p => p.Kind));
        Assert.Equal("二、把小事办好", created.Body[0].Text);
    }

    [Fact]
    public void Moving_paragraphs_takes_their_kinds_and_run_in_titles_along()
    {
        var (edition, story, briefs) = Edition();

        edition.MoveParagraphs(story, 2, 2, briefs);

        Assert.Equal(["暖心驿站", null, null], briefs.Body.Select(p => p.LeadText));
        Assert.Equal([ParagraphKind.Body, ParagraphKind.Subhead, ParagraphKind.Body], briefs.Body.Select(p => p.Kind));
        Assert.Equal(2, story.Body.Count);
    }

    [Fact]
    public void Merging_articles_keeps_the_absorbed_articles_kinds()
    {
        var (edition, story, briefs) = Edition();

        edition.MergeArticles(story, briefs);

        Assert.Equal(
            [ParagraphKind.Body, ParagraphKind.Body, ParagraphKind.Subhead, ParagraphKind.Body, ParagraphKind.Body],
            story.Body.Select(p => p.Kind));
        Assert.Equal("暖心驿站", story.Body[4].LeadText);
    }

    [Fact]
    public void Undoing_a_merge_brings_back_the_sub_head_and_the_run_in_title()
    {
        var (edition, story, briefs) = Edition();
        var undo = EditionUndo.Before(edition, [story, briefs], "xiaowang", "并入了《简讯》", At);
        edition.MergeArticles(story, briefs);
        undo.Seal();

        undo.Restore(edition);

        var restored = edition.Articles.OrderBy(a => a.Order).ToList();
        Assert.Equal(ParagraphKind.Subhead, restored[0].Body[2].Kind);
        Assert.Equal("暖心驿站", restored[1].Body[0].LeadText);
    }

    [Fact]
    public void A_revision_shows_a_changed_kind()
    {
        var (_, story, _) = Edition();
        var before = ArticleSnapshot.Of(story);

        story.Apply(new ArticleContent { Headline = story.Headline, Paragraphs = [.. story.Body.Select(p => new Paragraph(p.Text))] });

        Assert.Contains("小标题: 二、把小事办好", before, StringComparison.Ordinal);
        Assert.DoesNotContain("小标题", ArticleSnapshot.Of(story), StringComparison.Ordinal);
    }

    [Fact]
    public void Body_paragraphs_are_stored_as_the_plain_strings_they_always_were_and_others_as_objects()
    {
        Paragraph[] paragraphs = ["正文。", new("二、把小事办好", ParagraphKind.Subhead), new("暖心驿站　正文。", ParagraphKind.Body, 4)];

        var json = JsonSerializer.Serialize(paragraphs, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var read = JsonSerializer.Deserialize<Paragraph[]>(json)!;
        var old = JsonSerializer.Deserialize<Paragraph[]>("""["第一段。","第二段。"]""")!;

        Assert.StartsWith("""["正文。",{"text":""", json, StringComparison.Ordinal);
        Assert.Equal(paragraphs, read);
        Assert.Equal([new Paragraph("第一段。"), new Paragraph("第二段。")], old);
    }

    [Fact]
    public void Texts_edited_without_their_kinds_keep_the_kinds_of_the_paragraphs_they_still_are()
    {
        Paragraph[] before = [new("一、开头", ParagraphKind.Subhead), "第一行", "第二行", new("二、结尾", ParagraphKind.Subhead), "末段。"];

        var after = Paragraph.Carry(before, ["一、开头", "第一行第二行", "二、结尾", "末段。"]);

        Assert.Equal([ParagraphKind.Subhead, ParagraphKind.Body, ParagraphKind.Subhead, ParagraphKind.Body], after.Select(p => p.Kind));
    }

    private static (Edition Edition, Article Story, Article Briefs) Edition()
    {
        var edition = new Edition(new Publication("binjiang", "滨江日报"), new DateOnly(2026, 11, 2));
        var page = edition.AddPage("01", "头版", new PageSize(842, 1191));
        var story = edition.AddArticle(new ArticleContent
        {
            Headline = "社区里的一年",
            Paragraphs = ["第一段。", "第二段。", new Paragraph("二、把小事办好", ParagraphKind.Subhead), "第三段。"],
        });
        story.AddRegion(page, Polygon.Rectangle(0.1, 0.1, 0.5, 0.5));
        var briefs = edition.AddArticle(new ArticleContent
        {
            Headline = "简讯",
            Kind = ArticleKind.Briefs,
            Paragraphs = [new Paragraph("暖心驿站　社区为环卫工人设立休息点。", ParagraphKind.Body, 4)],
        });
        briefs.AddRegion(page, Polygon.Rectangle(0.5, 0.1, 0.9, 0.5));
        foreach (var (article, id) in new[] { story, briefs }.Select((a, i) => (a, i + 1)))
        {
            typeof(Article).GetProperty(nameof(Article.Id))!.SetValue(article, id);
        }

        return (edition, story, briefs);
    }
}
