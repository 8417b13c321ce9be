using System.Text;
using Broadsheet.Search.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace Broadsheet.Search.Tests;

public sealed class LowerCasingFilterTests
{
    [Fact]
    public void Lower_cases_every_character_of_the_basic_plane_as_the_invariant_culture_does()
    {
        // In blocks, one token each, so every fast path (ASCII, Han, Hangul) and the general one are crossed.
        for (var block = 0; block < 0x10000; block += 0x100)
        {
            var text = new StringBuilder();
            var expected = new StringBuilder();
            for (var code = block; code < block + 0x100; code++)
            {
                var c = (char)code;
                if (!char.IsSurrogate(c))
                {
                    text.Append(c);
                    expected.Append(char.ToLowerInvariant(c));
                }
            }

            Assert.Equal(expected.ToString(), LowerCase(text.ToString()));
        }
    }

    [Theory]
    [InlineData("ÉCOLE Москва ΑΘΗΝΑ", "école москва αθηνα")]
    [InlineData("𐐀𐐁 (Deseret)", "𐐨𐐩 (deseret)")]
    [InlineData("民警ABC１２３", "民警abc１２３")]
    public void Lower_cases_words_outside_ascii_and_supplementary_letters(string text, string expected) =>
        Assert.Equal(expected, LowerCase(text));

    private static string LowerCase(string text)
    {
        using var stream = new LowerCasingFilter(new KeywordTokenizer(new StringReader(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        var result = term.ToString();
        stream.End();
        return result;
    }
}
