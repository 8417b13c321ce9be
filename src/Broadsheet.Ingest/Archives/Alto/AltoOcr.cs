using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Archives.Alto;

/// <summary>
/// The text a library already read for each page (its ALTO), given to the import job where it would run an OCR engine:
/// the job then finds articles in the ALTO's lines and blocks and keeps their boxes, as for any OCR'd page. Pages are
/// known by their label, the folder the import job reads each page's master image in. A page without ALTO (its text
/// layer junk or missing, or a scan the batch has no ALTO for) is read by the OCR engine, where there is one.
/// </summary>
internal sealed class AltoOcr(IReadOnlyDictionary<string, AltoPage> pages, IPageOcr? engine = null) : IPageOcr
{
    public const string Engine = "ALTO";

    public Task<OcrPage> ReadAsync(string imagePath, IReadOnlyList<string> languages, CancellationToken cancellationToken = default)
    {
        var label = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(imagePath))) ?? "";
        if (!pages.TryGetValue(label, out var alto))
        {
            if (engine is not null)
            {
                return engine.ReadAsync(imagePath, languages, cancellationToken);
            }

            throw new InvalidDataException($"{Path.GetFileName(imagePath)}: no ALTO for page {label}");
        }

        var (width, height) = SizeOf(imagePath);
        return Task.FromResult(ToOcr(alto, width, height));
    }

    /// <summary>
    /// The size of the image the page is read from: a scan's image, or the raster mutool drew of its PDF (a PPM, whose
    /// header is <c>P6 width height maxval</c> in text, with <c>#</c> comments allowed between the fields).
    /// </summary>
    private static (int Width, int Height) SizeOf(string imagePath)
    {
        Span<byte> head = stackalloc byte[256];
        int read;
        using (var stream = File.OpenRead(imagePath))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read < 2 || head[0] != (byte)'P' || head[1] != (byte)'6')
        {
            var image = ImageHeader.Read(imagePath, FileSignature.Sniff(imagePath));
            return ((int)image.Width, (int)image.Height);
        }

        var fields = new List<int>(2);
        for (var at = 2; at < read && fields.Count < 2;)
        {
            if (head[at] == (byte)'#')
            {
                while (at < read && head[at] != (byte)'\n')
                {
                    at++;
                }
            }
            else if (char.IsAsciiDigit((char)head[at]))
            {
                var value = 0;
                while (at < read && char.IsAsciiDigit((char)head[at]) && value < 1_000_000)
                {
                    value = (value * 10) + (head[at++] - '0');
                }

                fields.Add(value);
            }
            else
            {
                at++;
            }
        }

        return fields is [> 0 and var width, > 0 and var height]
            ? (width, height)
            : throw new InvalidDataException($"{Path.GetFileName(imagePath)}: the PPM header gives no size");
    }

    /// <summary>The ALTO page's lines in pixels of an image of <paramref name="width"/> x <paramref name="height"/>.</summary>
    internal static OcrPage ToOcr(AltoPage alto, int width, int height)
    {
        var (sx, sy) = (width / alto.Width, height / alto.Height);
        PixelBox Box(double left, double top, double w, double h) =>
            new((int)Math.Round(left * sx), (int)Math.Round(top * sy), Math.Max(1, (int)Math.Round(w * sx)), Math.Max(1, (int)Math.Round(h * sy)));

        var lines = new List<OcrLine>();
        for (var b = 0; b < alto.Blocks.Count; b++)
        {
            foreach (var line in alto.Blocks[b].Lines)
            {
                var words = line.Words.Select(w => new OcrWord(w.Text, Box(w.Left, w.Top, w.Width, w.Height), w.Confidence)).ToList();
                var heights = words.Select(w => (double)w.Box.Height).Order().ToList();
                var confidence = words.Sum(w => w.Confidence * w.Text.Length) / Math.Max(1, words.Sum(w => w.Text.Length));
                lines.Add(new OcrLine(line.Text, Box(line.Left, line.Top, line.Width, line.Height), words, confidence, heights[heights.Count / 2], b, b, Vertical: false));
            }
        }

        return new OcrPage(width, height, 0, 0, Engine, lines);
    }
}
