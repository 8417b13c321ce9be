using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Archives.Sites;

/// <summary>One day's page views in a mirror: the folder they sit in and its date, from the path (<c>html/2015-03/08/</c>, <c>20150308/</c>).</summary>
internal sealed partial record SiteEdition(DateOnly Date, string Folder, IReadOnlyList<string> NodeFiles)
{
    /// <summary>
    /// Every edition the mirror holds, by date: each folder with page views (<c>node_*.htm</c>) whose path carries a date.
    /// </summary>
    /// <exception cref="ImportException">Two folders give the same date (two papers in one mirror); the message names both.</exception>
    public static IReadOnlyList<SiteEdition> Find(SiteMirror mirror, CancellationToken cancellationToken)
    {
        var byFolder = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(mirror.Root, "node_*", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (NodeName().IsMatch(Path.GetFileName(file)))
            {
                var folder = Path.GetDirectoryName(file)!;
                if (!byFolder.TryGetValue(folder, out var files))
                {
                    byFolder[folder] = files = [];
                }

                files.Add(file);
            }
        }

        var editions = new List<SiteEdition>();
        foreach (var (folder, files) in byFolder)
        {
            if (DateOf(mirror.Name(folder) + "/") is { } date)
            {
                editions.Add(new SiteEdition(date, folder, [.. files.Order(Comparer<string>.Create(CompareNodes))]));
            }
        }

        foreach (var clash in editions.GroupBy(e => e.Date).Where(g => g.Count() > 1))
        {
            var names = clash.Select(e => mirror.Name(e.Folder)).Order(StringComparer.Ordinal).ToArray();
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"{names[1]}: pages dated {clash.Key:yyyy-MM-dd}, as {names[0]} are; a mirror holds one paper (migrate each paper's folder with its own --publication)"));
        }

        return [.. editions.OrderBy(e => e.Date)];
    }

    /// <summary>The date a folder's path carries: <c>2015-03/08</c>, <c>201503/08</c> or <c>20150308</c>, the last one in the path.</summary>
    internal static DateOnly? DateOf(string path)
    {
        DateOnly? found = null;
        foreach (Match match in DatePath().Matches(path.Replace('\\', '/')))
        {
            if (DateOnly.TryParseExact(match.Groups["y"].Value + match.Groups["m"].Value + match.Groups["d"].Value, "yyyyMMdd",
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                found = date;
            }
        }

        return found;
    }

    /// <summary>Whether a file is named as a page view is: <c>node_2.htm</c>, <c>node_A01.html</c>.</summary>
    public static bool IsPageView(string file) => NodeName().IsMatch(Path.GetFileName(file));

    /// <summary>node_2 before node_10; node_A01 by its label.</summary>
    private static int CompareNodes(string a, string b) =>
        PageFileName.CompareLabels(NodeName().Match(Path.GetFileName(a)).Groups[1].Value, NodeName().Match(Path.GetFileName(b)).Groups[1].Value);

    [GeneratedRegex(@"^node_(\w+)\.html?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NodeName();

    [GeneratedRegex(@"(?:^|/)(?<y>(?:19|20)\d\d)[-/]?(?<m>[01]\d)[-/]?(?<d>[0-3]\d)(?=/)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePath();
}
