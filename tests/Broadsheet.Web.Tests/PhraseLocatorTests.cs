using Broadsheet.Core.Model;
using Broadsheet.Web.Search;

namespace Broadsheet.Web.Tests;

public sealed class PhraseLocatorTests
{
    // Ten Chinese characters across 0.1 .. 0.6: each is 0.05 wide.
    private static readonly PageTextLine First = new("滨江新城民警调解纠纷", 0.1, 0.2, 0.6, 0.22);
    private static readonly PageTextLine Second = new("老民警说调解靠耐心了", 0.1, 0.23, 0.6, 0.25);

    [Fact]
    public void A_phrase_is_boxed_where_it_is_printed_in_its_line()
    {
        var box = Assert.Single(PhraseLocator.Locate([First], ["民警调解"]));

        Assert.Equal(0.3, box.Left, 6);
        Assert.Equal(0.2, box.Width, 6);
        Assert.Equal((0.2, 0.02), (box.Top, Math.Round(box.Height, 6)));
    }

    [Fact]
    public void A_phrase_in_a_line_set_top_to_bottom_is_boxed_down_the_line()
    {
        // 竖排: ten characters from 0.1 down to 0.6 of the page, in a column 0.02 wide.
        var box = Assert.Single(PhraseLocator.Locate([new PageTextLine("滨江新城民警调解纠纷", 0.8, 0.1, 0.82, 0.6)], ["民警调解"]));

        Assert.Equal((0.8, 0.02), (box.Left, Math.Round(box.Width, 6)));
        Assert.Equal(0.3, box.Top, 6);
        Assert.Equal(0.2, box.Height, 6);
    }

    [Fact]
    public void A_phrase_broken_over_two_lines_gets_a_box_on_each()
    {
        var boxes = PhraseLocator.Locate([new PageTextLine("今年的调", 0.1, 0.2, 0.3, 0.22), new PageTextLine("解工作", 0.1, 0.23, 0.25, 0.25)], ["调解"]);

        Assert.Equal(2, boxes.Count);
        Assert.Equal((0.25, 0.2), (Math.Round(boxes[0].Left, 6), boxes[0].Top));
        Assert.Equal((0.1, 0.23), (boxes[1].Left, boxes[1].Top));
    }

    [Fact]
    public void Only_the_whole_phrase_is_marked_never_its_characters_elsewhere()
    {
        var boxes = PhraseLocator.Locate([First, Second], ["民警调解"]);

        // 民警 and 调解 also stand apart in the second line; they are not the phrase.
        Assert.Single(boxes);
    }

    [Fact]
    public void Every_occurrence_within_the_article_and_none_outside_it()
    {
        var article = Polygon.Rectangle(0.05, 0.225, 0.65, 0.3);

        var boxes = PhraseLocator.Locate([First, Second], ["民警"], [article]);

        var box = Assert.Single(boxes);
        Assert.Equal(0.23, box.Top);
    }

    [Fact]
    public void Latin_text_is_matched_without_regard_to_case_or_width()
    {
        var line = new PageTextLine("The ＣＩＴＹ Council met", 0.1, 0.5, 0.5, 0.52);

        var box = Assert.Single(PhraseLocator.Locate([line], ["city council"]));

        Assert.True(box.Left > 0.1 && box.Left + box.Width < 0.5, box.ToString());
    }
}
