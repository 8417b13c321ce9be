namespace Broadsheet.Core.Ports;

/// <summary>Reads the printed text of a page image (a scan, or a raster of a page whose text layer is junk).</summary>
public interface IPageOcr
{
    /// <summary>
    /// Reads <paramref name="imagePath"/> (PNG, JPEG, TIFF, PPM, WebP, JPEG 2000 where the system decodes it), turning
    /// it upright first when it lies on its side or upside down.
    /// </summary>
    /// <param name="imagePath">The page image.</param>
    /// <param name="languages">
    /// The languages printed on the page as BCP-47 tags (<c>zh-CN</c>, <c>zh-TW</c>, <c>en</c>, <c>de</c>, <c>ja</c> …),
    /// usually just the publication's language; the first decides which engine reads the page.
    /// </param>
    /// <param name="cancellationToken">Stops the engine (a native process is killed).</param>
    /// <exception cref="InvalidDataException">The file is not an image, or its size is absurd; the message names the file.</exception>
    /// <exception cref="NotSupportedException">No language given is one the engine reads, or its data is not installed.</exception>
    /// <exception cref="TimeoutException">The engine took longer than its configured limit on this page.</exception>
    Task<OcrPage> ReadAsync(string imagePath, IReadOnlyList<string> languages, CancellationToken cancellationToken = default);
}

/// <summary>An axis-aligned box in pixels of the upright page image: left and top edge, width and height.</summary>
public readonly record struct PixelBox(int Left, int Top, int Width, int Height)
{
    public int Right => Left + Width;

    public int Bottom => Top + Height;
}

/// <summary>What OCR read on one page.</summary>
/// <param name="Width">Width in pixels of the upright image the boxes refer to.</param>
/// <param name="Height">Height in pixels of the upright image.</param>
/// <param name="Rotation">
/// Degrees (0, 90, 180 or 270) the source image was turned clockwise to read it upright; the boxes are in that turned
/// image, so a caller that shows the page turns its image the same way.
/// </param>
/// <param name="SkewDegrees">
/// The text lines' remaining slant (median over lines, positive when they climb to the right); the engines read
/// through a few degrees of skew, and boxes are not straightened.
/// </param>
/// <param name="Engine">Which engine read the page and with which models, e.g. <c>tesseract chi_sim</c>.</param>
/// <param name="Lines">The text lines in the engine's reading order.</param>
public sealed record OcrPage(int Width, int Height, int Rotation, double SkewDegrees, string Engine, IReadOnlyList<OcrLine> Lines)
{
    /// <summary>The engine's confidence over the page, 0..1: the mean of its words', weighted by their length.</summary>
    public double Confidence
    {
        get
        {
            var (sum, weight) = (0.0, 0);
            foreach (var word in Lines.SelectMany(l => l.Words))
            {
                sum += word.Confidence * word.Text.Length;
                weight += word.Text.Length;
            }

            return weight == 0 ? 0 : sum / weight;
        }
    }

    /// <summary>The page's text, one line a line.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text));
}

/// <summary>One printed line (a column of characters, for vertical text).</summary>
/// <param name="Text">The line's text; words of Latin scripts separated by single spaces, CJK characters not.</param>
/// <param name="Box">The line's box.</param>
/// <param name="Words">Its words (for CJK text often single characters), in reading order, with their boxes.</param>
/// <param name="Confidence">The engine's confidence in the line, 0..1.</param>
/// <param name="TypeSize">
/// Estimated type size in pixels: the height of the line's body of type (ascender to descender, or a CJK character's
/// height), so a caller that knows the image's resolution gets points from it.
/// </param>
/// <param name="Block">Index of the text block (column, frame) the engine put the line in; an engine that finds no blocks gives each line its own.</param>
/// <param name="Paragraph">Index of the paragraph within the page, numbered like <paramref name="Block"/>.</param>
/// <param name="Vertical">Whether the line runs top to bottom (竖排).</param>
public sealed record OcrLine(string Text, PixelBox Box, IReadOnlyList<OcrWord> Words, double Confidence, double TypeSize, int Block, int Paragraph, bool Vertical);

/// <summary>One word, or one character where the engine reads characters (CJK).</summary>
/// <param name="Text">The word.</param>
/// <param name="Box">Its box.</param>
/// <param name="Confidence">The engine's confidence, 0..1.</param>
public sealed record OcrWord(string Text, PixelBox Box, double Confidence);
