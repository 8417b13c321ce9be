using NetVips;

namespace Broadsheet.Imaging.Ocr;

/// <summary>
/// A page image checked for OCR, in a scratch folder of its own: the file the engines read (the original where
/// Tesseract reads its format as it is, otherwise an 8-bit PPM/PGM written once), and its upright turn.
/// </summary>
internal sealed class OcrImage : IDisposable
{
    // Formats Leptonica (Tesseract's image library) reads as they are; multi-page TIFFs and anything else are
    // rewritten, so Tesseract never reads a page the caller did not mean.
    private static readonly HashSet<string> DirectLoaders = new(StringComparer.Ordinal) { "jpegload", "pngload", "ppmload", "webpload" };

    private OcrImage(string source, string scratch, string path, int width, int height)
    {
        Source = source;
        Scratch = scratch;
        Path = path;
        Width = width;
        Height = height;
    }

    /// <summary>The caller's file, for messages.</summary>
    public string Source { get; }

    public string Scratch { get; }

    /// <summary>The file the engines read, upright once <see cref="Turn"/> has run.</summary>
    public string Path { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Degrees the image was turned clockwise; 0 until <see cref="Turn"/>.</summary>
    public int Rotation { get; private set; }

    public string Name => System.IO.Path.GetFileName(Source);

    /// <summary>Checks the file from its header (existence, format, size) and prepares a file the engines can read.</summary>
    /// <exception cref="InvalidDataException">With one line naming the file and what is wrong with it.</exception>
    public static OcrImage Open(string imagePath, long maxPixels)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        var name = System.IO.Path.GetFileName(imagePath);
        if (!File.Exists(imagePath))
        {
            throw new InvalidDataException($"{name}: there is no such file to read by OCR ({imagePath}).");
        }

        Image header;
        try
        {
            header = Image.NewFromFile(imagePath, access: Enums.Access.Sequential);
        }
        catch (VipsException e)
        {
            throw new InvalidDataException($"{name} is not an image OCR can read: {FirstLine(e.Message)}", e);
        }

        using (header)
        {
            var (width, height) = (header.Width, header.Height);
            if ((long)width * height > maxPixels)
            {
                throw new InvalidDataException($"{name} is {width} x {height} pixels, more than the {maxPixels:N0} pixels OCR reads; scale it down first.");
            }

            if (width < 16 || height < 16)
            {
                throw new InvalidDataException($"{name} is {width} x {height} pixels, too small to hold a line of text.");
            }

            var scratch = Directory.CreateTempSubdirectory("broadsheet-ocr-").FullName;
            var loader = header.Contains("vips-loader") ? (string)header.Get("vips-loader") : "";
            var turned = header.Contains("orientation") && header.Get("orientation") is int o && o > 1;
            var image = new OcrImage(imagePath, scratch, imagePath, width, height);
            if (!DirectLoaders.Contains(loader) || turned || header.Bands is not (1 or 3) || header.Format != Enums.BandFormat.Uchar)
            {
                image.Rewrite(0);
            }

            return image;
        }
    }

    /// <summary>Turns the image clockwise by a multiple of 90 degrees; the engines then read the turned file.</summary>
    public void Turn(int degrees)
    {
        if (degrees % 360 != 0)
        {
            Rewrite(degrees);
        }
    }

    /// <summary>Decodes the image as interleaved 8-bit RGB, for the engines that run in this process.</summary>
    public byte[] ReadRgb()
    {
        using var image = Image.NewFromFile(Path, access: Enums.Access.Sequential);
        using var rgb = Normalise(image, grey: false);
        return rgb.WriteToMemory<byte>();
    }

    private void Rewrite(int degrees)
    {
        var target = System.IO.Path.Combine(Scratch, $"page-{Rotation + degrees}.ppm");
        try
        {
            // autorot applies an EXIF orientation (a phone photo taken sideways) before anything else.
            using var loaded = Image.NewFromFile(Path, access: Enums.Access.Random);
            using var upright = Rotation == 0 ? loaded.Autorot() : loaded.Copy();
            using var grey = upright.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16 || upright.Bands <= 2 ? Normalise(upright, grey: true) : Normalise(upright, grey: false);
            using var turned = (((degrees % 360) + 360) % 360) switch
            {
                90 => grey.Rot(Enums.Angle.D90),
                180 => grey.Rot(Enums.Angle.D180),
                270 => grey.Rot(Enums.Angle.D270),
                _ => grey.Copy(),
            };
            turned.WriteToFile(target);
            (Width, Height) = (turned.Width, turned.Height);
        }
        catch (VipsException e)
        {
            throw new InvalidDataException($"{Name} could not be decoded for OCR: {FirstLine(e.Message)}", e);
        }

        Path = target;
        Rotation = (((Rotation + degrees) % 360) + 360) % 360;
    }

    /// <summary>8-bit, opaque (transparency flattened onto white paper), grey or sRGB.</summary>
    private static Image Normalise(Image image, bool grey)
    {
        using var flat = image.HasAlpha() ? image.Flatten(background: [255.0]) : image.Copy();
        using var space = flat.Colourspace(grey ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb);
        return space.Format == Enums.BandFormat.Uchar ? space.Copy() : space.Cast(Enums.BandFormat.Uchar);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind is harmless; the system's temp cleaner takes it.
        }
    }
}
