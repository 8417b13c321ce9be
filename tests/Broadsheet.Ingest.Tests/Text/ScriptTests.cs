using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Text;

public sealed class ScriptTests
{
    [Theory]
    [InlineData("降至8", "℃左右", "降至8℃左右")]
    [InlineData("全市", "公安", "全市公安")]
    [InlineData("its", "operator", "its operator")]
    [InlineData("high-", "level", "high-level")]
    [InlineData("增长", "3.8%", "增长3.8%")]
    [InlineData("the", "“quoted”", "the“quoted”")]
    [InlineData("", "text", "text")]
    public void Lines_join_with_a_space_only_between_latin_words(string left, string right, string joined)
    {
        Assert.Equal(joined, Script.Join(left, right));
    }
}
