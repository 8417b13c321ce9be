using Broadsheet.Imaging.Ocr;

namespace Broadsheet.Imaging.Tests.Ocr;

/// <summary>A publication's language decides which Tesseract models read its pages.</summary>
public sealed class OcrLanguagesTests
{
    [Theory]
    [InlineData("zh-CN", "chi_sim")]
    [InlineData("zh", "chi_sim")]
    [InlineData("zh-Hans-HK", "chi_sim")]
    [InlineData("zh-TW", "chi_tra")]
    [InlineData("zh-HK", "chi_tra")]
    [InlineData("zh_Hant", "chi_tra")]
    [InlineData("en-GB", "eng")]
    [InlineData("de", "deu+frk")]
    [InlineData("it-IT", "ita")]
    [InlineData("fr", "fra")]
    [InlineData("ja", "jpn+jpn_vert")]
    public void A_language_tag_maps_to_its_Tesseract_models(string tag, string models)
    {
        Assert.Equal(models, string.Join('+', OcrLanguages.Resolve([tag]).TesseractModels));
    }

    [Fact]
    public void Several_languages_read_together_without_repeating_a_model()
    {
        Assert.Equal("chi_tra+eng", string.Join('+', OcrLanguages.Resolve(["zh-TW", "en", "zh-HK"]).TesseractModels));
    }

    [Fact]
    public void No_language_is_refused_with_what_to_give()
    {
        var error = Assert.Throws<NotSupportedException>(() => OcrLanguages.Resolve([]));

        Assert.Contains("BCP-47", error.Message, StringComparison.Ordinal);
    }
}
