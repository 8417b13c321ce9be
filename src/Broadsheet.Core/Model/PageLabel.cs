namespace Broadsheet.Core.Model;

/// <summary>Rules for page labels such as <c>01</c>, <c>A01</c>, <c>12</c>.</summary>
public static class PageLabel
{
    /// <summary>Trims a label and checks it is usable in a URL: letters and digits, 1 to 8 of them.</summary>
    public static string Normalise(string label)
    {
        var trimmed = (label ?? "").Trim();
        if (trimmed.Length is 0 or > 8 || !trimmed.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException($"Page label '{label}' must be 1 to 8 letters or digits, such as 01 or A01.");
        }

        return trimmed.ToUpperInvariant();
    }

    /// <summary>Formats page <paramref name="number"/> of a section as the publication prints it.</summary>
    public static string Format(PageLabelStyle style, int number, char section = 'A') =>
        style == PageLabelStyle.Sectioned
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{section}{number:00}")
            : number.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
