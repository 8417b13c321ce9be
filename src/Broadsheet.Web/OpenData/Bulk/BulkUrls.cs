using System.Globalization;
using Broadsheet.Web.Published;

namespace Broadsheet.Web.OpenData.Bulk;

/// <summary>Where an edition's text, its ALTO and a year's archive are, under the API's publication group.</summary>
internal static class BulkUrls
{
    public static string Text(string slug, DateOnly date, int number) => Edition(slug, date, "text", number);

    public static string Alto(string slug, DateOnly date, int number) => Edition(slug, date, "alto", number);

    public static string Year(string slug, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/publications/{slug}/years/{year}.zip");

    /// <summary>The folder of an edition inside a year's archive: its date, and its number after a dash when it is not the day's first.</summary>
    public static string Folder(DateOnly date, int number) =>
        number == 1 ? ReaderUrls.Date(date) : string.Create(CultureInfo.InvariantCulture, $"{ReaderUrls.Date(date)}-{number}");

    private static string Edition(string slug, DateOnly date, string what, int number) =>
        number == 1
            ? $"/api/v1/publications/{slug}/editions/{ReaderUrls.Date(date)}/{what}"
            : string.Create(CultureInfo.InvariantCulture, $"/api/v1/publications/{slug}/editions/{ReaderUrls.Date(date)}/{what}?number={number}");
}
