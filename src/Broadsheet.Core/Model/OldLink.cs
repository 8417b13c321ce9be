namespace Broadsheet.Core.Model;

/// <summary>
/// An address of a paper's old e-paper site (<c>/html/2015-03/08/content_123.htm</c>) and the permalink that now
/// shows what it showed, so the paper's old links keep working: the reader answers the old path with a 301 to
/// <see cref="Target"/>. Written by <c>broadsheet migrate-site</c>, one set per edition it imported.
/// </summary>
public sealed class OldLink
{
    /// <summary>The longest old path kept; longer ones are not links anyone followed.</summary>
    public const int MaxPathLength = 1000;

    /// <summary>Ends a target that is a page's PDF (<c>/{publication}/{date}/{page}.pdf</c>), whatever file holds it now.</summary>
    public const string PagePdfSuffix = ".pdf";

    /// <summary>Ends a target that is a page's image (<c>/{publication}/{date}/{page}.jpg</c>), whatever file holds it now.</summary>
    public const string PageImageSuffix = ".jpg";

    private OldLink()
    {
        Path = "";
        Target = "";
    }

    public OldLink(int publicationId, DateOnly date, string path, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (!path.StartsWith('/') || path.Length > MaxPathLength)
        {
            throw new DomainException($"An old link's path must start with '/' and be at most {MaxPathLength} characters: '{path}'.");
        }

        if (!target.StartsWith('/') || target.StartsWith("//", StringComparison.Ordinal))
        {
            throw new DomainException($"An old link leads to a path on this site, not to '{target}'.");
        }

        PublicationId = publicationId;
        Date = date;
        Path = path;
        Target = target;
    }

    public int Id { get; private set; }

    public int PublicationId { get; private set; }

    /// <summary>The edition's date: the links of one edition are replaced together when it is migrated again.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The old URL's path, from the site's root, as a browser asks for it (decoded, without the query).</summary>
    public string Path { get; private set; }

    /// <summary>
    /// The reader's permalink it leads to: <c>/{publication}/{date}/{page}</c> or <c>…/{page}/{n}</c>; for the old
    /// site's page PDFs and page images, <c>…/{page}.pdf</c> or <c>…/{page}.jpg</c>, which the reader answers with the
    /// page's file as it is when the link is followed (its blob key changes when the edition is imported again).
    /// </summary>
    public string Target { get; private set; }

    /// <summary>
    /// Whether <paramref name="target"/> names a page's PDF or image (<c>/{publication}/{date}/{page}.pdf</c> or
    /// <c>.jpg</c>); then <paramref name="page"/> is the page's permalink and <paramref name="pdf"/> which file.
    /// </summary>
    public static bool IsPageFile(string target, out string page, out bool pdf)
    {
        ArgumentNullException.ThrowIfNull(target);
        pdf = target.EndsWith(PagePdfSuffix, StringComparison.Ordinal);
        var image = target.EndsWith(PageImageSuffix, StringComparison.Ordinal);
        page = pdf ? target[..^PagePdfSuffix.Length] : image ? target[..^PageImageSuffix.Length] : target;
        return (pdf || image) && page.Split('/').Length == 4;
    }
}
