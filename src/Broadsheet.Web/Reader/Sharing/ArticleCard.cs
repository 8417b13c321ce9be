using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Published;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Web.Reader;

/// <summary>
/// <c>/{publication}/{date}/{page}/{n}/card.jpg</c>: the article's region cut from its page image, for share
/// cards (OpenGraph). The crop is made once, stored as a blob keyed by the page image and the region, and
/// the address redirects to that blob's immutable <c>/media</c> URL.
/// </summary>
internal static class ArticleCard
{
    private const int Width = 1200;

    /// <summary>The card of the article as read on <paramref name="home"/>'s page.</summary>
    public static string Url(ArticleOnPage home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return home.Url + "/card.jpg";
    }

    public static IEndpointRouteBuilder MapArticleCards(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/{publication:slug}/{date:edition}/{label:pagelabel}/{n:int:min(1)}/card.jpg", [HttpMethods.Get, HttpMethods.Head], CardAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> CardAsync(
        string publication, string date, string label, int n,
        PublishedEditions editions, IBlobStore blobs, IImageCropper cropper, CancellationToken cancellationToken)
    {
        if (!EditionRouteConstraint.TryParse(date, out var day, out var number)
            || await editions.FindAsync(publication, day, number, cancellationToken) is not { } edition
            || edition.FindPage(label)?.Article(n) is not { } item
            || PageCrops.SourceOf(item.Page) is not { } source)
        {
            return TypedResults.NotFound();
        }

        var key = await PageCrops.GetOrMakeAsync(blobs, cropper, "cards", source, CropOf(item.Page, item.Regions), cancellationToken);
        return key is null ? TypedResults.NotFound() : TypedResults.Redirect(ReaderUrls.Media(key)!);
    }

    /// <summary>The regions' bounding box with a little margin, widened where needed so the card is not a sliver.</summary>
    private static ImageCrop CropOf(Page page, IReadOnlyList<Polygon> regions)
    {
        var left = regions.Min(r => r.Bounds.Left);
        var top = regions.Min(r => r.Bounds.Top);
        var right = regions.Max(r => r.Bounds.Right);
        var bottom = regions.Max(r => r.Bounds.Bottom);
        const double Margin = 0.01;
        var aspect = page.HeightPt > 0 ? page.WidthPt / page.HeightPt : 0.7;
        // Share cards are shown wide; a tall column is cut to a square at its top, where its headline is.
        var maxHeight = (right - left) * aspect;
        bottom = Math.Min(bottom, top + maxHeight);
        return new ImageCrop(
            Math.Max(0, left - Margin), Math.Max(0, top - Margin), Math.Min(1, right + Margin), Math.Min(1, bottom + Margin), Width);
    }
}
