using System.Globalization;

namespace Broadsheet.Web.Reader;

/// <summary>How the reader writes numbers into markup and CSS: culture-independent, whatever the server's locale.</summary>
internal static class ReaderFormat
{
    /// <summary>A number for an HTML attribute or CSS value: invariant, at most five decimals.</summary>
    public static string Number(double value) => Math.Round(value, 5).ToString("0.#####", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
