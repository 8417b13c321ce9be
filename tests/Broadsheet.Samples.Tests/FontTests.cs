using System.Reflection;
using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Text;
using SkiaSharp;

namespace Broadsheet.Samples.Tests;

public sealed class FontTests
{
    /// <summary>Text the layout code prints besides the corpora: mastheads, headers, bylines, jump lines.</summary>
    private const string FixedText =
        "国内统一连续出版物号邮发代号CN星期日一二三四五六今日版总第期天气：责任编辑美术第简讯本地综合广告本报讯记者通讯员实习生新华社北京电"
        + "（）■□上接转摄/—By Photo:0123456789年月日　";

    [Fact]
    public void Every_character_the_samples_can_print_has_a_glyph_in_both_truetype_faces()
    {
        using var fonts = FontLibrary.Load(SampleFontSet.TrueType);
        var missing = new SortedSet<char>();
        foreach (var c in CorpusText().Append(FixedText).SelectMany(s => s).Distinct())
        {
            if (c != ' ' && (fonts[FontRole.Serif].Glyph(c) == 0 || fonts[FontRole.Sans].Glyph(c) == 0))
            {
                missing.Add(c);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void A_subset_face_has_the_advances_of_the_full_face_and_only_the_characters_set()
    {
        using var fonts = FontLibrary.Load(SampleFontSet.TrueType);
        var face = fonts[FontRole.Serif];
        const string Text = "滨江日报，民警调解（记者 张三）2026年";
        using var subset = face.CreateTypefaceFor(Text.Distinct());
        using var font = new SKFont(subset, 1000) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
        foreach (var c in Text)
        {
            Assert.NotEqual(0, font.GetGlyph(c));
            Assert.Equal(face.Advance(c), font.GetGlyphWidths(c.ToString(), null)[0] / 1000, 4);
        }

        Assert.Equal(0, font.GetGlyph('市'));
        Assert.True(subset.GlyphCount < 40, $"{subset.GlyphCount} glyphs kept");
    }

    /// <summary>Every string in the corpora, placeholders removed.</summary>
    private static IEnumerable<string> CorpusText()
    {
        var themes = ChineseCorpus.Themes.Append(ChineseCorpus.Commentary).Concat(EnglishCorpus.Themes);
        foreach (var theme in themes)
        {
            foreach (var s in theme.Headlines.Concat(theme.Kickers).Concat(theme.Subheadlines).Concat(theme.Sentences).Concat(theme.Captions))
            {
                yield return StripPlaceholders(s);
            }
        }

        foreach (var field in typeof(ChineseCorpus).GetFields(BindingFlags.Static | BindingFlags.NonPublic).Concat(typeof(EnglishCorpus).GetFields(BindingFlags.Static | BindingFlags.NonPublic)))
        {
            foreach (var s in Strings(field.GetValue(null)))
            {
                yield return StripPlaceholders(s);
            }
        }
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        ValueTuple<string, string> t => [t.Item1, t.Item2],
        ValueTuple<string, string, string> t => [t.Item1, t.Item2, t.Item3],
        System.Collections.IEnumerable items => items.Cast<object?>().SelectMany(Strings),
        _ => [],
    };

    private static string StripPlaceholders(string s) => System.Text.RegularExpressions.Regex.Replace(s, "{[a-z]+}", "");
}
