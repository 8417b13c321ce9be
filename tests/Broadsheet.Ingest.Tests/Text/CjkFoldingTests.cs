using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Tests.Text;

public sealed class CjkFoldingTests
{
    [Theory]
    [InlineData("\u2F47", "日")]          // KANGXI RADICAL SUN
    [InlineData("\u2F00", "一")]          // KANGXI RADICAL ONE
    [InlineData("\u2F08", "人")]          // KANGXI RADICAL MAN
    [InlineData("\u2F2F", "工")]          // KANGXI RADICAL WORK
    [InlineData("\u2ED3", "长")]          // CJK RADICAL C-SIMPLIFIED LONG (NFKC leaves it)
    [InlineData("\u2EDB", "风")]          // CJK RADICAL C-SIMPLIFIED WIND
    [InlineData("\u2EC5", "见")]          // CJK RADICAL C-SIMPLIFIED SEE
    [InlineData("\u2E9F", "母")]          // CJK RADICAL MOTHER (NFKC folds this one too)
    [InlineData("\uF900", "豈")]          // CJK COMPATIBILITY IDEOGRAPH-F900
    [InlineData("\uFA0E", "\uFA0E")]      // a unified ideograph that lives in the compatibility block
    [InlineData("\u2E80", "\u2E80")]      // a radical with no unified equivalent stays
    [InlineData("\U0002F800", "丽")]      // CJK COMPATIBILITY IDEOGRAPH-2F800, outside the BMP
    public void Radicals_and_compatibility_ideographs_fold_to_unified_ideographs(string printed, string expected)
    {
        Assert.Equal(expected, CjkFolding.Fold(printed));
    }

    [Theory]
    [InlineData(false, "户")]
    [InlineData(true, "戶")]
    public void The_door_radical_folds_to_the_form_the_publication_prints(bool traditional, string expected)
    {
        // Simplified CJK fonts share one glyph between U+2F3E and 户, so their ToUnicode says U+2F3E for 户.
        Assert.Equal("农" + expected, CjkFolding.Fold("农\u2F3E", traditional ? HanScript.Traditional : HanScript.Simplified));
    }

    [Theory]
    [InlineData("zh-CN", false)]
    [InlineData("zh-Hans", false)]
    [InlineData("en", false)]
    [InlineData("zh-TW", true)]
    [InlineData("zh-Hant-HK", true)]
    public void The_script_follows_the_publication_language(string language, bool traditional)
    {
        Assert.Equal(traditional ? HanScript.Traditional : HanScript.Simplified, HanScripts.FromLanguage(language));
    }

    [Fact]
    public void Full_width_punctuation_and_latin_stay_as_printed()
    {
        const string text = "本报讯（记者 张三）近\u2F47，“平安贵阳”！ＡＢＣ１２３ 2026年";

        Assert.Equal("本报讯（记者 张三）近日，“平安贵阳”！ＡＢＣ１２３ 2026年", CjkFolding.Fold(text));
    }

    [Fact]
    public void Every_kangxi_radical_folds_to_a_unified_ideograph()
    {
        for (var c = 0x2F00; c <= 0x2FD5; c++)
        {
            var folded = CjkFolding.Fold(((char)c).ToString());
            var rune = System.Text.Rune.GetRuneAt(folded, 0);
            Assert.True(rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or >= 0x20000, $"U+{c:X4} folded to U+{rune.Value:X4}");
        }
    }
}
