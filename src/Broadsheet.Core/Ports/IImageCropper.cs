namespace Broadsheet.Core.Ports;

/// <summary>A rectangle of an image as a JPEG: the clipped page region shown on an article's share card.</summary>
public sealed record ImageCrop(double Left, double Top, double Right, double Bottom, int MaxWidth);

/// <summary>Cuts a rectangle, in coordinates normalised to 0..1 of the image, out of an image file.</summary>
public interface IImageCropper
{
    /// <summary>Writes the part of <paramref name="sourcePath"/> inside <paramref name="crop"/> as a JPEG, at most <see cref="ImageCrop.MaxWidth"/> wide.</summary>
    Task<byte[]> CropAsync(string sourcePath, ImageCrop crop, CancellationToken cancellationToken = default);
}
