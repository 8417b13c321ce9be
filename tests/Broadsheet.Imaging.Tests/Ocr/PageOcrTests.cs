using System.Diagnostics;
using Broadsheet.Core.Ports;
using Broadsheet.Imaging.Ocr;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Imaging.Tests.Ocr;

/// <summary>Both engines read pages set for the test: the words right, and where they were set.</summary>
// OCR engines reading whole rendered pages: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class PageOcrTests : IDisposable
{
    private static readonly string[] English =
    [
        "The quick brown fox jumps over the lazy dog.",
        "City council approves the new bridge budget",
        "Readers can search every edition since 1998.",
    ];

    private static readonly string[] Chinese =
    [
        "本报讯 记者从市人民法院获悉",
        "全市今年共办结各类案件三千余件",
        "群众满意度达到百分之九十八",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("broadsheet-ocr-test-").FullName;
    private readonly List<ServiceProvider> _providers = [];

    [Theory]
    [InlineData(OcrEngineChoice.Tesseract)]
    [InlineData(OcrEngineChoice.Paddle)]
    public async Task An_English_page_is_read_word_for_word_with_each_line_where_it_was_set(OcrEngineChoice engine)
    {
        var page = Page(English);
        var path = page.Save(Path.Combine(_dir, "english.png"));

        var read = await Ocr(engine).ReadAsync(path, ["en"]);

        Assert.Equal((1400, 900, 0), (read.Width, read.Height, read.Rotation));
        Assert.InRange(Cer.Of(string.Join("", English), string.Join("", read.Lines.Select(l => l.Text))), 0, 0.03);
        foreach (var (text, box) in page.Lines)
        {
            var line = Assert.Single(read.Lines, l => Overlap(l.Box, box) > 0.5);
            Assert.InRange(Cer.Of(text, line.Text), 0, 0.05);
            Assert.All(line.Words, w => Assert.InRange(Overlap(w.Box, box), 0.6, 1.0));
            // Words run left to right along the line, and the type size is about the set line's height.
            Assert.Equal(line.Words.OrderBy(w => w.Box.Left), line.Words);
            Assert.InRange(line.TypeSize, box.Height * 0.4, box.Height * 1.6);
        }

        var brown = Assert.Single(read.Lines.SelectMany(l => l.Words), w => w.Text == "brown");
        Assert.InRange(brown.Box.Left, 100 + 150, 100 + 300);
        Assert.InRange(brown.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData(OcrEngineChoice.Tesseract, 0.10)]
    [InlineData(OcrEngineChoice.Paddle, 0.03)]
    public async Task A_Chinese_page_is_read_character_by_character_each_with_its_box(OcrEngineChoice engine, double bound)
    {
        var page = Page(Chinese);
        var path = page.Save(Path.Combine(_dir, "chinese.jpg"));

        var read = await Ocr(engine).ReadAsync(path, ["zh-CN"]);

        Assert.InRange(Cer.Of(string.Join("", Chinese), string.Join("", read.Lines.Select(l => l.Text))), 0, bound);
        foreach (var (text, box) in page.Lines)
        {
            var line = Assert.Single(read.Lines, l => Overlap(l.Box, box) > 0.5);
            // Each character is a word of its own, inside the set line, in reading order.
            Assert.All(line.Words, w => Assert.True(w.Text.Length == 1 || !w.Text.Any(OcrTextIsCjk), w.Text));
            Assert.All(line.Words, w => Assert.InRange(Overlap(w.Box, box), 0.6, 1.0));
            Assert.Equal(line.Words.OrderBy(w => w.Box.Left), line.Words);
            Assert.DoesNotContain(' ', line.Text);
        }
    }

    [Fact]
    public async Task A_vertical_Chinese_headline_beside_horizontal_text_is_read_top_to_bottom_by_Paddle()
    {
        const string headline = "金川警方破获特大传销案";
        var page = new TextPage(1400, 1200).Column(headline, 60, 60, 36);
        for (var i = 0; i < Chinese.Length; i++)
        {
            page.Line(Chinese[i], 200, 120 + (i * 90));
        }

        var path = page.Save(Path.Combine(_dir, "vertical.png"));
        var column = page.Lines[0].Box;

        var read = await Ocr(OcrEngineChoice.Paddle).ReadAsync(path, ["zh-CN"]);

        var vertical = Assert.Single(read.Lines, l => l.Vertical);
        Assert.InRange(Overlap(vertical.Box, column), 0.6, 1.0);
        Assert.InRange(Cer.Of(headline, vertical.Text), 0, 0.1);
        Assert.Equal(vertical.Words.OrderBy(w => w.Box.Top), vertical.Words);
        Assert.All(vertical.Words, w => Assert.InRange(Overlap(w.Box, column), 0.6, 1.0));
        Assert.InRange(Cer.Of(string.Join("", Chinese), string.Join("", read.Lines.Where(l => !l.Vertical).Select(l => l.Text))), 0, 0.03);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public async Task A_page_lying_on_its_side_or_upside_down_is_read_upright(int turnedBy)
    {
        var path = Page(English).Save(Path.Combine(_dir, $"turned-{turnedBy}.png"), turnedBy);

        var read = await Ocr(OcrEngineChoice.Auto).ReadAsync(path, ["en"]);

        Assert.Equal((360 - turnedBy) % 360, read.Rotation);
        Assert.Equal((1400, 900), (read.Width, read.Height));
        Assert.InRange(Cer.Of(string.Join("", English), string.Join("", read.Lines.Select(l => l.Text))), 0, 0.03);
    }

    [Theory]
    [InlineData(OcrEngineChoice.Tesseract)]
    [InlineData(OcrEngineChoice.Paddle)]
    public async Task A_page_scanned_a_little_askew_is_read_through_the_skew_and_says_how_much(OcrEngineChoice engine)
    {
        var path = Path.Combine(_dir, "askew.png");
        Page(English).Save(path);
        using (var straight = NetVips.Image.NewFromFile(path))
        using (var askew = straight.Rotate(2.5, background: [255.0]))
        {
            askew.WriteToFile(Path.Combine(_dir, "askew-2.5.png"));
        }

        var read = await Ocr(engine).ReadAsync(Path.Combine(_dir, "askew-2.5.png"), ["en"]);

        Assert.Equal(0, read.Rotation);
        Assert.InRange(Cer.Of(string.Join("", English), string.Join("", read.Lines.Select(l => l.Text))), 0, 0.05);
        // Turned clockwise, the lines fall to the right.
        Assert.InRange(read.SkewDegrees, -3.5, -1.5);
    }

    [Theory]
    [InlineData(OcrEngineChoice.Tesseract)]
    [InlineData(OcrEngineChoice.Paddle)]
    public async Task A_page_that_takes_longer_than_the_limit_is_stopped_with_a_message_naming_it(OcrEngineChoice engine)
    {
        var page = new TextPage(2400, 3400);
        for (var row = 0; row < 60; row++)
        {
            page.Line(string.Join(" ", English) + " " + string.Join("", Chinese), 40, 40 + (row * 55), 20);
        }

        var path = page.Save(Path.Combine(_dir, "dense.png"));
        var ocr = Ocr(engine, o => (o.Timeout, o.DetectOrientation) = (TimeSpan.FromSeconds(1), false));

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ocr.ReadAsync(path, ["zh-CN"]));

        Assert.Contains("dense.png", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(Processes(), c => c.Contains(path, StringComparison.Ordinal) || c.Contains(_dir, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_one_line_naming_it()
    {
        var path = Path.Combine(_dir, "page-07.png");
        await File.WriteAllTextAsync(path, "this is a text file, not a PNG");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Ocr(OcrEngineChoice.Auto).ReadAsync(path, ["en"]));

        Assert.StartsWith("page-07.png is not an image OCR can read", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task An_image_of_absurd_size_is_refused_from_its_header_before_it_is_decoded()
    {
        // A PPM header claiming 100,000 x 100,000 pixels over a few bytes: decoding it would need 30 GB.
        var path = Path.Combine(_dir, "huge.ppm");
        await File.WriteAllBytesAsync(path, [.. "P6\n100000 100000\n255\n"u8.ToArray(), .. new byte[64]]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Ocr(OcrEngineChoice.Auto).ReadAsync(path, ["en"]));

        Assert.Equal("huge.ppm is 100000 x 100000 pixels, more than the 100,000,000 pixels OCR reads; scale it down first.", error.Message);
    }

    [Fact]
    public async Task An_image_too_small_to_hold_a_line_and_a_missing_file_are_refused_by_name()
    {
        var tiny = new TextPage(12, 12).Save(Path.Combine(_dir, "tiny.png"));

        var small = await Assert.ThrowsAsync<InvalidDataException>(() => Ocr(OcrEngineChoice.Auto).ReadAsync(tiny, ["en"]));
        var missing = await Assert.ThrowsAsync<InvalidDataException>(() => Ocr(OcrEngineChoice.Auto).ReadAsync(Path.Combine(_dir, "gone.png"), ["en"]));

        Assert.Equal("tiny.png is 12 x 12 pixels, too small to hold a line of text.", small.Message);
        Assert.StartsWith("gone.png: there is no such file", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_OCR_does_not_know_is_refused_by_its_tag()
    {
        var path = Page(English).Save(Path.Combine(_dir, "page.png"));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Ocr(OcrEngineChoice.Auto).ReadAsync(path, ["tlh"]));

        Assert.StartsWith("OCR does not know the language 'tlh'", error.Message, StringComparison.Ordinal);
    }

    private static bool OcrTextIsCjk(char c) => c >= '\u3000';

    private static TextPage Page(string[] lines)
    {
        var page = new TextPage(1400, 900);
        for (var i = 0; i < lines.Length; i++)
        {
            page.Line(lines[i], 100, 120 + (i * 90));
        }

        return page;
    }

    /// <summary>The share of <paramref name="a"/> that lies inside <paramref name="b"/>.</summary>
    internal static double Overlap(PixelBox a, PixelBox b)
    {
        var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        return width <= 0 || height <= 0 || a.Width * a.Height == 0 ? 0 : (double)width * height / (a.Width * a.Height);
    }

    /// <summary>Every running process's command line, to see that a stopped engine left nothing behind.</summary>
    private static List<string> Processes() =>
        [.. Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "cmdline")).Select(f =>
        {
            try
            {
                return File.ReadAllText(f).Replace('\0', ' ');
            }
            catch (IOException)
            {
                return "";
            }
            catch (UnauthorizedAccessException)
            {
                return "";
            }
        })];

    private IPageOcr Ocr(OcrEngineChoice engine, Action<OcrOptions>? configure = null)
    {
        var provider = new ServiceCollection().AddBroadsheetImaging()
            .Configure<OcrOptions>(o =>
            {
                o.Engine = engine;
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IPageOcr>();
    }

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        Directory.Delete(_dir, recursive: true);
    }
}
