using System.Diagnostics;
using System.Globalization;
using Broadsheet.Bench.Ocr;
using Broadsheet.Core.Ports;
using Broadsheet.Imaging;
using Broadsheet.Imaging.Ocr;
using Broadsheet.Imaging.Rasterizing;
using Microsoft.Extensions.DependencyInjection;

// OCR measured without hand-made truth: real pages whose text layer is good are rasterised as the importer does,
// read by each engine, and compared line by line with their own text layer (CharacterErrorRate).
// Usage: dotnet run -c Release --project bench/Broadsheet.Bench.Ocr -- [--widths 2000,3000] [--engines tesseract,paddle] [--pages gansu,nyt]
//        [--corpus dir] [--differences] (each line where OCR and the layer differ, to standard error)
var widths = Option("--widths", "2000").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
var engines = Option("--engines", "tesseract,paddle").Split(',').Select(e => Enum.Parse<OcrEngineChoice>(e, ignoreCase: true)).ToArray();
var only = Option("--pages", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
var corpus = Path.GetFullPath(Option("--corpus", FindCorpus()));

(string File, string Language)[] pages =
[
    ("gansu-fazhi-2024-08-09-p08.pdf", "zh-CN"),
    ("fuzhou-wanbao-2024-04-19-a07.pdf", "zh-CN"),
    ("nyt-2020-11-12-a01.pdf", "en"),
    ("hindu-editorial-15.pdf", "en"),
    ("repubblica-2024-10-21-p01.pdf", "it"),
];
if (!Directory.Exists(corpus))
{
    Console.Error.WriteLine($"The corpus is not at {corpus}; pass --corpus <dir>.");
    return 1;
}

var scratch = Directory.CreateTempSubdirectory("broadsheet-bench-ocr-").FullName;
using var imaging = new ServiceCollection().AddBroadsheetImaging().BuildServiceProvider();
var rasterizer = imaging.GetRequiredService<IPageRasterizer>();
var readers = engines.ToDictionary(e => e, e => new ServiceCollection().AddBroadsheetImaging().Configure<OcrOptions>(o => o.Engine = e).BuildServiceProvider());

Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("| page | language | width px | engine | CER | layer chars | wall s | CPU s | CPU × tesseract alone | page turned | type size ÷ font size |");
Console.WriteLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
var totals = new Dictionary<(OcrEngineChoice, int, string), (long Errors, long Chars, double Seconds, double Cpu, double Reference)>();
foreach (var (file, language) in pages.Where(p => only.Length == 0 || only.Any(o => p.File.Contains(o, StringComparison.Ordinal))))
{
    var pdf = Path.Combine(corpus, file);
    foreach (var width in widths)
    {
        var raster = await rasterizer.RasterizeAsync(pdf, 1, width, Path.Combine(scratch, $"{file}-{width}.ppm"));
        var layer = await TextLayer.ReadAsync(pdf, 1, width, scratch);
        var reference = await TesseractAloneAsync(raster.Path, language, scratch);
        foreach (var engine in engines)
        {
            var reader = readers[engine].GetRequiredService<IPageOcr>();
            var (clock, cpu0) = (Stopwatch.StartNew(), CpuClock.Seconds());
            var page = await reader.ReadAsync(raster.Path, [language]);
            var (seconds, cpu) = (clock.Elapsed.TotalSeconds, CpuClock.Seconds() - cpu0);
            var (cer, characters) = CharacterErrorRate.Measure(layer, page, args.Contains("--differences") ? Console.Error : null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Path.GetFileNameWithoutExtension(file)} | {language} | {width} | {page.Engine} | {cer:P1} | {characters} | {seconds:0.0} | {cpu:0.0} | {cpu / reference:0.00} | {page.Rotation}° | {CharacterErrorRate.TypeSizeRatio(layer, page):0.00} |"));
            var script = language.StartsWith("zh", StringComparison.Ordinal) ? "Chinese" : "Latin";
            var t = totals.GetValueOrDefault((engine, width, script));
            totals[(engine, width, script)] = (t.Errors + (long)Math.Round(cer * characters), t.Chars + characters, t.Seconds + seconds, t.Cpu + cpu, t.Reference + reference);
        }
    }
}

Console.WriteLine();
Console.WriteLine("| script | width px | engine | CER over the pages | wall s/page | CPU s/page | CPU × tesseract alone |");
Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: |");
foreach (var ((engine, width, script), t) in totals.OrderBy(t => t.Key.Item3, StringComparer.Ordinal).ThenBy(t => t.Key.Item2).ThenBy(t => t.Key.Item1))
{
    var count = pages.Count(p => (p.Language.StartsWith("zh", StringComparison.Ordinal) ? "Chinese" : "Latin") == script && (only.Length == 0 || only.Any(o => p.File.Contains(o, StringComparison.Ordinal))));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {script} | {width} | {engine} | {(double)t.Errors / t.Chars:P1} | {t.Seconds / count:0.0} | {t.Cpu / count:0.0} | {t.Cpu / t.Reference:0.00} |"));
}

Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
Directory.Delete(scratch, recursive: true);
return 0;

// The reference: the CPU seconds of the tesseract command alone on the same raster, one thread, hOCR out.
static async Task<double> TesseractAloneAsync(string raster, string language, string scratch)
{
    var model = language switch { "zh-CN" => "chi_sim", "it" => "ita", _ => "eng" };
    var cpu0 = CpuClock.Seconds();
    var (exit, error) = await ExternalTool.RunAsync("tesseract", [raster, Path.Combine(scratch, "alone"), "-l", model, "--psm", "3", "hocr"],
        TimeSpan.FromMinutes(10), CancellationToken.None, new Dictionary<string, string>(StringComparer.Ordinal) { ["OMP_THREAD_LIMIT"] = "1" });
    if (exit != 0)
    {
        throw new InvalidOperationException($"tesseract alone failed: {error}");
    }

    return CpuClock.Seconds() - cpu0;
}

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

// ../shared/corpus/real beside the repository (CI's layout), or beside a folder above it (a worktree's).
static string FindCorpus()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "corpus", "real");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return Path.Combine("..", "shared", "corpus", "real");
}
