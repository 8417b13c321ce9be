using System.Globalization;

namespace Broadsheet.Web.Reader;

/// <summary>
/// A rectangle of a page in ten-thousandths of its width and height (left, top, width, height), as a clip's
/// address writes it: <c>1200,3400,2500,1800</c>. Independent of any image size, like the article regions.
/// </summary>
internal readonly record struct ClipRect(int Left, int Top, int Width, int Height)
{
    public const int Whole = 10_000;

    /// <summary>A clip is at least this much of the page each way (1 %): anything smaller shows nothing readable.</summary>
    public const int Smallest = 100;

    public double X => (double)Left / Whole;

    public double Y => (double)Top / Whole;

    public double Right => (double)(Left + Width) / Whole;

    public double Bottom => (double)(Top + Height) / Whole;

    public static bool TryParse(string? text, out ClipRect rect)
    {
        rect = default;
        var parts = text?.Split(',');
        if (parts is not { Length: 4 })
        {
            return false;
        }

        var values = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (parts[i].Length is 0 or > 5 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        rect = new ClipRect(values[0], values[1], values[2], values[3]);
        return rect.Width >= Smallest && rect.Height >= Smallest && rect.Left + rect.Width <= Whole && rect.Top + rect.Height <= Whole;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Left},{Top},{Width},{Height}");
}
