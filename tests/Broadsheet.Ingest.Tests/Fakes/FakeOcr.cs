using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Tests.Fakes;

/// <summary>
/// Reads every page as one story: a headline across two columns over two columns of body lines, in pixels of a
/// 2000 px wide page; or fails as it is told to, or says the page lay on its side.
/// </summary>
internal sealed class FakeOcr : IPageOcr
{
    public Exception? Failure { get; set; }

    /// <summary>Degrees the page had to be turned to be read.</summary>
    public int Rotation { get; set; }

    /// <summary>The images it was asked to read, with the languages asked for.</summary>
    public System.Collections.Concurrent.ConcurrentBag<(string Path, IReadOnlyList<string> Languages)> Reads { get; } = [];

    public Task<OcrPage> ReadAsync(string imagePath, IReadOnlyList<string> languages, CancellationToken cancellationToken = default)
    {
        Reads.Add((imagePath, languages));
        if (Failure is not null)
        {
            throw Failure;
        }

        var lines = new List<OcrLine> { Line("Flood defences hold as river peaks", 100, 200, 1700, 60, 0) };
        for (var column = 0; column < 2; column++)
        {
            for (var row = 0; row < 24; row++)
            {
                var text = row == 23 ? "the river fell by morning." : $"Line {row + 1} of column {column + 1} tells how the town kept the water out";
                lines.Add(Line(text, 100 + (column * 880), 320 + (row * 36), row == 23 ? 400 : 840, 24, column + 1));
            }
        }

        return Task.FromResult(new OcrPage(2000, 2828, Rotation, 0, "fake", lines));
    }

    private static OcrLine Line(string text, int left, int top, int width, int size, int block)
    {
        var box = new PixelBox(left, top, width, size);
        return new OcrLine(text, box, [new OcrWord(text, box, 0.9)], 0.9, size, block, block, Vertical: false);
    }
}
