using Broadsheet.Imaging.Ocr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Broadsheet.Imaging.Tests.Ocr;

/// <summary>An operator's OCR settings come from configuration, and a wrong one is refused naming it.</summary>
public sealed class OcrOptionsTests
{
    [Fact]
    public void Settings_under_Broadsheet_Ocr_choose_the_engine_and_its_limits()
    {
        using var services = Services(new() { ["Broadsheet:Ocr:Engine"] = "Tesseract", ["Broadsheet:Ocr:Timeout"] = "00:00:30" });

        var options = services.GetRequiredService<IOptions<OcrOptions>>().Value;

        Assert.Equal((OcrEngineChoice.Tesseract, TimeSpan.FromSeconds(30), 1), (options.Engine, options.Timeout, options.Threads));
    }

    [Fact]
    public void A_setting_out_of_range_is_refused_naming_it()
    {
        using var services = Services(new() { ["Broadsheet:Ocr:Threads"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OcrOptions>>().Value);

        Assert.Contains("Threads", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddBroadsheetImaging()
            .BuildServiceProvider();
}
