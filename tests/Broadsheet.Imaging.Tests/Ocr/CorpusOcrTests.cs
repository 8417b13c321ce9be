using Broadsheet.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Imaging.Tests.Ocr;

/// <summary>Real pages from the corpus, read as the importer would read them (rendered by mutool first).</summary>
// OCR of real corpus pages: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class CorpusOcrTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("broadsheet-ocr-corpus-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider();

    [CorpusFact("scans/job-ads-weekly-scan-rotated.pdf")]
    public async Task The_copier_scan_whose_page_comes_out_sideways_is_turned_upright_and_read_in_traditional_Chinese()
    {
        // The PDF turns every page a quarter (/Rotate 90), but only the first page's scan needed it: mutool draws
        // page 2 lying on its side. Drawn 2828 px wide, so that upright it is 2000 px wide, as the importer's pages are.
        var raster = await _services.GetRequiredService<IPageRasterizer>().RasterizeAsync(
            Corpus.Path("scans/job-ads-weekly-scan-rotated.pdf"), 2, 2828, Path.Combine(_dir, "scan-2.ppm"));
        Assert.True(raster.Width > raster.Height, "mutool no longer draws page 2 sideways; this test needs another page.");

        var read = await _services.GetRequiredService<IPageOcr>().ReadAsync(raster.Path, ["zh-TW"]);

        Assert.Equal(90, read.Rotation % 180);
        Assert.True(read.Height > read.Width);
        // Two ads' words, in traditional characters (a simplified engine would give 机动 and 关经验).
        var text = read.Text.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("機動保全", text, StringComparison.Ordinal);
        Assert.Contains("具相關經驗", text, StringComparison.Ordinal);
    }

    [CorpusFact("gansu-fazhi-2024-08-09-p08.pdf")]
    public async Task A_Chinese_legal_daily_page_rendered_at_the_import_width_reads_with_its_headline_and_body()
    {
        var raster = await _services.GetRequiredService<IPageRasterizer>().RasterizeAsync(
            Corpus.Path("gansu-fazhi-2024-08-09-p08.pdf"), 1, 2000, Path.Combine(_dir, "gansu.ppm"));

        var read = await _services.GetRequiredService<IPageOcr>().ReadAsync(raster.Path, ["zh-CN"]);

        var text = read.Text.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(0, read.Rotation);
        Assert.Contains("宣读送达判决书释法说理促履行", text, StringComparison.Ordinal);
        Assert.Contains("向其宣读送达了判决书", text, StringComparison.Ordinal);
        Assert.InRange(read.Confidence, 0.8, 1.0);
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
