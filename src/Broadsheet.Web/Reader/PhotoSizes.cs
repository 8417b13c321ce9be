using System.Globalization;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.Reader;

/// <summary>How the article view asks for a photo's own images (see <c>Imaging/Derivatives/VipsPhotoMaker</c>).</summary>
internal static class PhotoSizes
{
    /// <summary>The width of a photo's <c>page</c> image, when the photo is at least that wide (DerivativeOptions.PhotoWidth).</summary>
    public const int PageWidth = 800;

    /// <summary>The photo spans the text column: the screen's width less the margins on a phone, at most 700 px.</summary>
    public const string Sizes = "(max-width: 760px) calc(100vw - 52px), 700px";

    /// <summary>The page-size image, and the large one when the photo is wider than that.</summary>
    public static string SrcSet(string key, string format, int width)
    {
        var page = string.Create(CultureInfo.InvariantCulture, $"{ReaderUrls.Media($"{key}/page.{format}")} {Math.Min(width, PageWidth)}w");
        return width > PageWidth
            ? string.Create(CultureInfo.InvariantCulture, $"{page}, {ReaderUrls.Media($"{key}/large.{format}")} {width}w")
            : page;
    }
}
