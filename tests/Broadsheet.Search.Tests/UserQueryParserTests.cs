using Broadsheet.Search.Querying;

namespace Broadsheet.Search.Tests;

public sealed class UserQueryParserTests
{
    [Theory]
    [InlineData("民警 调解", "+(民警) +(调解)")]
    [InlineData("民警 AND 调解", "+(民警) +(调解)")]
    [InlineData("火灾 OR 火情 贵阳", "+(火灾|火情) +(贵阳)")]
    [InlineData("贵阳 火灾 OR 火情", "+(贵阳) +(火灾|火情)")]
    [InlineData("a OR b OR c", "+(a|b|c)")]
    [InlineData("民警 NOT 调解", "+(民警) -(调解)")]
    [InlineData("民警 -调解 +巡逻", "+(民警) -(调解) +(巡逻)")]
    [InlineData("\"民警 赶到\" 现场", "+(\"民警 赶到\") +(现场)")]
    [InlineData("-\"民警 赶到\"", "-(\"民警 赶到\")")]
    [InlineData("title:火灾 author:\"王 芳\"", "+(title:火灾) +(author:\"王 芳\")")]
    [InlineData("标题：火灾 作者：王芳", "+(title:火灾) +(author:王芳)")]
    [InlineData("-title:火灾", "-(title:火灾)")]
    [InlineData("title:", "+(title)")]
    [InlineData("title: 火灾", "+(title) +(火灾)")]
    [InlineData("\"unbalanced phrase", "+(unbalanced) +(phrase)")]
    [InlineData("AND OR", "+(AND) +(OR)")]
    [InlineData("NOT", "+(NOT)")]
    [InlineData("OR 民警", "+(民警)")]
    [InlineData("民警 OR", "+(民警)")]
    [InlineData("民警 NOT", "+(民警)")]
    [InlineData("-民警 OR 调解", "-(民警) +(调解)")]
    [InlineData("http://example.com", "+(http://example.com)")]
    [InlineData("12:30", "+(12:30)")]
    [InlineData("ｔｉｔｌｅ：火灾", "+(title:火灾)")]
    [InlineData("", "")]
    public void Parses_what_readers_type(string text, string expected) =>
        Assert.Equal(expected, Describe(UserQueryParser.Parse(text)));

    private static string Describe(UserQuery query) =>
        string.Join(' ', query.Groups.Select(g =>
            (g.Excluded ? "-(" : "+(") + string.Join('|', g.Alternatives.Select(Describe)) + ")"));

    private static string Describe(UserTerm term)
    {
        var prefix = term.Scope switch
        {
            TermScope.Title => "title:",
            TermScope.Author => "author:",
            _ => "",
        };
        return prefix + (term.IsPhrase ? $"\"{term.Text}\"" : term.Text);
    }
}
