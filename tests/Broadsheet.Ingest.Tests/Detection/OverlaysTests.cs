using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class OverlaysTests
{
    [Theory]
    [InlineData("6901234567892", true)]
    [InlineData("6 901234 567892", true)]
    [InlineData("■■■■■■■■", true)]
    [InlineData("◆◆◆ ◆◆◆ ◆◆◆", true)]
    [InlineData("**********", true)]
    [InlineData("96.8%。", false)]
    [InlineData("咨询热线：0851-88888888", false)]
    [InlineData("2026", false)]
    [InlineData("本报记者 张三", false)]
    [InlineData("The council voted 7-2.", false)]
    public void Barcode_digits_and_symbol_runs_are_noise_but_a_figure_or_a_labelled_phone_number_is_text(string text, bool noise)
    {
        Assert.Equal(noise, Overlays.IsNoise(Typeset.Line(text, 10, 40, 100)));
    }

    [Theory]
    [InlineData("A26", null, 0, true)]
    [InlineData("A26", null, 120, true)]
    [InlineData("A26", "By Jane Smith", 120, false)]
    [InlineData("A26", null, 400, false)]
    [InlineData(null, null, 0, false)]
    public void A_teaser_that_only_sends_the_reader_to_another_page_is_a_promo(string? continuedTo, string? byline, int chars, bool promo)
    {
        var teaser = new DetectedArticle
        {
            Headline = "Nicholas Kristof",
            ContinuedTo = continuedTo,
            Byline = byline,
            Paragraphs = chars == 0 ? [] : [new string('x', chars)],
        };

        Assert.Equal(promo, Overlays.IsPromo(teaser));
    }

    [Fact]
    public void An_advertisement_or_a_captioned_photo_pointing_to_a_page_is_not_a_promo()
    {
        var advert = new DetectedArticle { Headline = "Winter sale", Kind = ArticleKind.Advertisement, ContinuedTo = "A26" };
        var photo = new DetectedArticle
        {
            Headline = "Floods",
            ContinuedTo = "A26",
            Images = [new DetectedImage(Polygon.Rectangle(0.1, 0.1, 0.4, 0.3), "Water in the streets on Monday.", null)],
        };

        Assert.False(Overlays.IsPromo(advert));
        Assert.False(Overlays.IsPromo(photo));
    }

    [Fact]
    public void A_title_with_nothing_under_it_is_not_an_article_but_a_photo_an_advert_or_a_line_of_text_is()
    {
        var photo = new DetectedImage(Polygon.Rectangle(0.1, 0.1, 0.4, 0.3), null, null);

        Assert.True(Overlays.IsBare(new DetectedArticle { Headline = "6/7中缝" }));
        Assert.True(Overlays.IsBare(new DetectedArticle { Headline = "公告专栏", Kind = ArticleKind.Notice, Paragraphs = [" "] }));
        Assert.False(Overlays.IsBare(new DetectedArticle { Headline = "辅警开展专项训练", Images = [photo] }));
        Assert.False(Overlays.IsBare(new DetectedArticle { Headline = "冬季大促", Kind = ArticleKind.Advertisement }));
        Assert.False(Overlays.IsBare(new DetectedArticle { Headline = "简讯", Paragraphs = ["市图书馆新馆开放。"] }));
    }

    [Fact]
    public void Words_printed_over_a_picture_are_its_own_but_a_column_running_out_from_under_it_is_not()
    {
        // The picture's placed box reaches under the top of a column (a photo cropped by a clipping path): the column's
        // first lines lie inside the box, but the column runs on below it.
        var picture = new PageImage(new PageBox(100, 100, 400, 300));
        var slogan = Typeset.Line("Summer sale now on", 20, 120, 150);
        var column = Enumerable.Range(0, 6).Select(i => Typeset.Line("Column text of a story", 10, 250, 250 + (i * 14), width: 140)).ToList();

        var over = Overlays.Of([picture], [slogan, .. column]);

        Assert.Equal([slogan], over[picture]);
        Assert.True(Overlays.IsSlogan(over[picture]));
        Assert.False(Overlays.IsSlogan([Typeset.Line("SALE", 20, 120, 150)]));
        Assert.False(Overlays.IsSlogan(null));
    }
}
