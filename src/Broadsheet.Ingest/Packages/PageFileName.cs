using System.Globalization;
using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// Reads a page's label and name from its file name: <c>01.pdf</c>, <c>A01.pdf</c>, <c>06-平安贵阳.pdf</c>,
/// <c>01_头版.pdf</c>. The label is the leading run of ASCII letters and digits; the name is what follows,
/// without the separator and the extension.
/// </summary>
internal static class PageFileName
{
    private static readonly char[] Separators = ['-', '_', ' ', '.', '　'];

    public static PackagePage Parse(string filePath)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        var fileName = Path.GetFileName(filePath);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var end = 0;
        while (end < stem.Length && char.IsAsciiLetterOrDigit(stem[end]))
        {
            end++;
        }

        if (end == 0)
        {
            throw new ImportException($"{fileName}: cannot tell the page label from the file name; name page files like 01-头版.pdf or A01.pdf");
        }

        string label;
        try
        {
            label = PageLabel.Normalise(stem[..end]);
        }
        catch (DomainException)
        {
            throw new ImportException($"{fileName}: the page label '{stem[..end]}' is longer than 8 letters or digits; name page files like 01-头版.pdf or A01.pdf");
        }

        var name = stem[end..].TrimStart(Separators).Trim();
        return new PackagePage(label, name, filePath);
    }

    /// <summary>
    /// Orders labels as a paper numbers its pages: by section letters, then by page number as a number
    /// (so 2 comes before 10), then ordinally.
    /// </summary>
    public static int CompareLabels(string? a, string? b)
    {
        var (sectionA, numberA) = Split(a ?? "");
        var (sectionB, numberB) = Split(b ?? "");
        var bySection = string.CompareOrdinal(sectionA, sectionB);
        if (bySection != 0)
        {
            return bySection;
        }

        var byNumber = numberA.CompareTo(numberB);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(a, b);
    }

    internal static (string Section, long Number) Split(string label)
    {
        var letters = 0;
        while (letters < label.Length && char.IsAsciiLetter(label[letters]))
        {
            letters++;
        }

        var digits = letters;
        while (digits < label.Length && char.IsAsciiDigit(label[digits]))
        {
            digits++;
        }

        var number = digits > letters
            && long.TryParse(label.AsSpan(letters, Math.Min(digits - letters, 18)), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : long.MaxValue;
        return (label[..letters], number);
    }
}
