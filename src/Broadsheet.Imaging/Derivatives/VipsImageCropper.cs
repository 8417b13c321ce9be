using Broadsheet.Core.Ports;
using NetVips;

namespace Broadsheet.Imaging.Derivatives;

/// <summary>Crops with libvips: only the rows of the crop are decoded, so a card from a large page image stays cheap.</summary>
internal sealed class VipsImageCropper : IImageCropper
{
    public VipsImageCropper() => VipsWarnings.Silence();

    public Task<byte[]> CropAsync(string sourcePath, ImageCrop crop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(crop);
        return Task.Run(
            () =>
            {
                using var image = Image.NewFromFile(sourcePath);
                var left = Math.Clamp((int)Math.Floor(crop.Left * image.Width), 0, image.Width - 1);
                var top = Math.Clamp((int)Math.Floor(crop.Top * image.Height), 0, image.Height - 1);
                var right = Math.Clamp((int)Math.Ceiling(crop.Right * image.Width), left + 1, image.Width);
                var bottom = Math.Clamp((int)Math.Ceiling(crop.Bottom * image.Height), top + 1, image.Height);
                using var area = image.ExtractArea(left, top, right - left, bottom - top);
                using var sized = area.Width > crop.MaxWidth ? area.Resize((double)crop.MaxWidth / area.Width) : area.Copy();
                using var flat = sized.HasAlpha() ? sized.Flatten(background: [255, 255, 255]) : sized.Copy();
                return flat.JpegsaveBuffer(q: 82, optimizeCoding: true, keep: Enums.ForeignKeep.None);
            },
            cancellationToken);
    }
}
