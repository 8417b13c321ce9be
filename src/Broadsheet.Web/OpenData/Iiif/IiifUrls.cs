using System.Globalization;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.OpenData.Iiif;

/// <summary>
/// The IIIF addresses, root-relative (made absolute with the public origin). An edition is named by its date, and
/// by <c>{date}_{n}</c> when it is not the first edition of that day.
/// </summary>
internal static class IiifUrls
{
    public const string Prefix = "/iiif";

    /// <summary>Where a page's Image API 3 service lives: its tiles' blob prefix, content-addressed like <c>/media</c>.</summary>
    public const string ImagePrefix = Prefix + "/3";

    public static string Publication(string slug) => $"{Prefix}/{slug}";

    public static string Year(string slug, int year) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}/{slug}/{year:0000}");

    public static string Edition(string slug, DateOnly date, int number) =>
        number == 1
            ? $"{Prefix}/{slug}/{ReaderUrls.Date(date)}"
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}/{slug}/{ReaderUrls.Date(date)}_{number}");

    public static string Manifest(string slug, DateOnly date, int number) => Edition(slug, date, number) + "/manifest";

    public static string Canvas(string slug, DateOnly date, int number, string label) => Edition(slug, date, number) + "/canvas/" + label;

    public static string Search(string slug, DateOnly date, int number) => Edition(slug, date, number) + "/search";

    /// <summary>The Image API service of a page whose derivatives live under <paramref name="derivativesKey"/>.</summary>
    public static string ImageService(string derivativesKey) => $"{ImagePrefix}/{derivativesKey}";

    /// <summary>Reads an edition segment: <c>2026-11-02</c> (number 1) or <c>2026-11-02_2</c>.</summary>
    public static bool TryParseEdition(string segment, out DateOnly date, out int number)
    {
        number = 1;
        var at = segment.IndexOf('_', StringComparison.Ordinal);
        var day = at < 0 ? segment : segment[..at];
        if (at >= 0 && (!int.TryParse(segment.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 2))
        {
            date = default;
            return false;
        }

        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
