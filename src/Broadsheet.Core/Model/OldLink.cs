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

    /// <summary>The reader's permalink it leads to: <c>/{publication}/{date}/{page}</c> or <c>…/{page}/{n}</c>.</summary>
    public string Target { get; private set; }
}
