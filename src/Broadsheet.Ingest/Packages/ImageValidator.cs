using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// Checks a page image (JPEG, PNG or TIFF) from its header alone, before anything decodes it: the header
/// must be readable, the page not a thumbnail, and its pixel count within the limit, so an image that
/// claims gigapixels (a decompression bomb) is refused without allocating a byte for its pixels.
/// </summary>
internal static class ImageValidator
{
    /// <summary>Resolution assumed when an image does not state a plausible one: a typical page scan.</summary>
    public const double DefaultDpi = 300;

    /// <summary>Fewest pixels a side may have: anything smaller is an icon, not a page.</summary>
    private const int MinSidePixels = 100;

    public static ValidatedPage Validate(PackagePage page, PageFileKind kind, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(page);
        var file = page.FileName;
        ImageHeader header;
        try
        {
            header = ImageHeader.Read(page.FilePath, kind);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException($"{file}: the {Name(kind)} image is truncated or corrupt ({ex.Message})", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new ImportException($"{file}: the {Name(kind)} image is truncated", ex);
        }

        if (header.Width < MinSidePixels || header.Height < MinSidePixels)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: the image is {header.Width} x {header.Height} pixels, too small to be a page"));
        }

        if (header.Pixels > maxPixels)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: the image claims {header.Width} x {header.Height} pixels ({header.Pixels / 1e6:0.#} megapixels), more than the {maxPixels / 1e6:0.#} megapixels a page image may have"));
        }

        var size = new PageSize(header.Width * 72 / Dpi(header.DpiX), header.Height * 72 / Dpi(header.DpiY));
        if (!size.IsValid)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: at its stated resolution the page would be {size.Width:0} x {size.Height:0} pt, not a plausible newspaper page"));
        }

        if (size.Aspect > PageSize.MaxAspect)
        {
            throw new ImportException(PdfValidator.TooNarrow(file, size));
        }

        return new ValidatedPage(page, size, 0, 0) { Kind = kind };
    }

    private static double Dpi(double? stated) => stated is >= 50 and <= 2400 ? stated.Value : DefaultDpi;

    private static string Name(PageFileKind kind) => kind switch
    {
        PageFileKind.Jpeg => "JPEG",
        PageFileKind.Png => "PNG",
        _ => "TIFF",
    };
}
