using Broadsheet.Core.Model;

namespace Broadsheet.Core.Tests;

/// <summary>The article history's diff: what an editor reads to see what a correction changed.</summary>
public sealed class TextDiffTests
{
    [Fact]
    public void A_corrected_line_shows_as_the_old_one_taken_out_and_the_new_one_put_in_between_the_unchanged_lines()
    {
        var diff = TextDiff.Lines("江堤加固工程完工\n全长十三公里\n汛期前通水\n", "江堤加固工程完工\n全长十二公里\n汛期前通水\n");

        Assert.Equal(["  江堤加固工程完工", "- 全长十三公里", "+ 全长十二公里", "  汛期前通水"], diff);
    }

    [Fact]
    public void An_added_paragraph_and_a_removed_one_are_each_marked_where_they_are()
    {
        var diff = TextDiff.Lines("甲\n乙\n丙", "甲\n丙\n丁");

        Assert.Equal(["  甲", "- 乙", "  丙", "+ 丁"], diff);
    }

    [Fact]
    public void Unchanged_text_has_no_marks_and_a_trailing_newline_is_not_a_change()
    {
        Assert.Equal(["  甲", "  乙"], TextDiff.Lines("甲\n乙\n", "甲\n乙"));
    }

    [Fact]
    public void From_nothing_everything_is_added_and_to_nothing_everything_is_removed()
    {
        Assert.Equal(["+ 甲", "+ 乙"], TextDiff.Lines("", "甲\n乙"));
        Assert.Equal(["- 甲", "- 乙"], TextDiff.Lines("甲\n乙", ""));
        Assert.Empty(TextDiff.Lines("", ""));
    }

    [Fact]
    public void Moving_a_paragraph_keeps_the_longest_run_of_unchanged_lines()
    {
        var diff = TextDiff.Lines("一\n二\n三\n四", "二\n三\n四\n一");

        Assert.Equal(["- 一", "  二", "  三", "  四", "+ 一"], diff);
    }
}
