using System.Globalization;
using System.Text.RegularExpressions;

namespace Broadsheet.Ingest.Packages;

/// <summary>Finds the edition date in a package's name: <c>2026-11-02</c>, <c>2026_11_02</c> or <c>20261102</c>.</summary>
internal static partial class EditionDate
{
    public static DateOnly? FromName(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        var trimmed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourcePath));
        var name = Directory.Exists(trimmed) ? Path.GetFileName(trimmed) : Path.GetFileNameWithoutExtension(trimmed);
        foreach (Match match in DatePattern().Matches(name))
        {
            var text = match.Groups["y"].Value + match.Groups["m"].Value + match.Groups["d"].Value;
            if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)(?<s>[-_.]?)(?<m>\d\d)\k<s>(?<d>\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
