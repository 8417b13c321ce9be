namespace Broadsheet.Ingest.Archives.Sites;

/// <summary>
/// A site saved to disk by <c>wget -m</c>: its root folder (the host's folder wget made, such as
/// <c>epaper.example.com/</c>), and the one rule for following a link from one of its pages, which must lead to a
/// file inside that folder.
/// </summary>
internal sealed class SiteMirror
{
    private SiteMirror(string root, string? host)
    {
        Root = root;
        Host = host;
    }

    /// <summary>The site's root: an old URL's path is a file's path under it.</summary>
    public string Root { get; }

    /// <summary>The host the site was saved from, when the folder is named after it; links to it by absolute URL stay inside.</summary>
    public string? Host { get; }

    /// <summary>
    /// The mirror at <paramref name="folder"/>: the folder itself, or the one host folder in it that <c>wget -m</c>
    /// made (a folder named like a host, with a dot, and nothing else beside it but wget's log).
    /// </summary>
    /// <exception cref="ImportException">The folder is not there.</exception>
    public static SiteMirror Open(string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(root))
        {
            throw new ImportException($"{folder}: no such folder (migrate-site takes the folder wget -m saved the site into)");
        }

        var subfolders = Directory.GetDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        var files = Directory.GetFiles(root).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".log", StringComparison.OrdinalIgnoreCase));
        if (subfolders.Count == 1 && !files.Any() && Path.GetFileName(subfolders[0]).Contains('.', StringComparison.Ordinal))
        {
            root = subfolders[0];
        }

        var name = Path.GetFileName(root);
        return new SiteMirror(root, name.Contains('.', StringComparison.Ordinal) ? name : null);
    }

    /// <summary>A file's name for messages: its path under the root, as the site had it.</summary>
    public string Name(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    /// <summary>The old URL's path of a file: <c>/html/2015-03/08/node_2.htm</c>.</summary>
    public string OldPath(string file)
    {
        // A file wget named with its query is asked for by its path alone; the query is not part of the path.
        var name = Name(file);
        var folder = name.LastIndexOf('/');
        var cut = name.IndexOfAny(['?', '@'], folder + 1);
        return "/" + (cut > 0 ? name[..cut] : name);
    }

    /// <summary>
    /// The file a link on <paramref name="page"/> leads to: relative links from the page's folder, <c>/…</c> from the
    /// root, <c>http(s)://host/…</c> from the root when it is the mirror's own host; query and fragment dropped.
    /// Null for links that lead nowhere to follow (<c>#</c>, <c>javascript:</c>, <c>mailto:</c>).
    /// </summary>
    /// <exception cref="ImportException">The link leads outside the mirror folder; the message names the page and the link.</exception>
    public string? Resolve(string page, string href, string what)
    {
        var link = href.Trim();
        if (link.Length == 0 || link.StartsWith('#')
            || link.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        link = link.Split('#', 2)[0];
        var query = link.Contains('?', StringComparison.Ordinal) ? link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        link = link.Split('?', 2)[0];
        string relative;
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            if (Host is null || !string.Equals(absolute.Host, Host, StringComparison.OrdinalIgnoreCase))
            {
                throw Outside(page, href, what);
            }

            relative = Uri.UnescapeDataString(absolute.AbsolutePath).TrimStart('/');
        }
        else if (link.Contains(':', StringComparison.Ordinal) || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('\\', StringComparison.Ordinal))
        {
            throw Outside(page, href, what);
        }
        else if (link.StartsWith('/'))
        {
            relative = Uri.UnescapeDataString(link).TrimStart('/');
        }
        else
        {
            var folder = Path.GetRelativePath(Root, Path.GetDirectoryName(page)!);
            relative = Path.Combine(folder == "." ? "" : folder, Uri.UnescapeDataString(link));
        }

        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!Inside(full))
        {
            throw Outside(page, href, what);
        }

        // wget saves content_1.htm?div=-1 under that name (with @ for ? when told to make Windows names).
        if (query.Length > 0 && !File.Exists(full))
        {
            full = new[] { full + "?" + query, full + "@" + query }.FirstOrDefault(File.Exists) ?? full;
        }

        // A file saved as a link to somewhere else is outside too, wherever it sits.
        if (File.Exists(full) && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target && !Inside(target.FullName))
        {
            throw Outside(page, href, what);
        }

        return full;
    }

    private bool Inside(string full) => full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private ImportException Outside(string page, string href, string what) =>
        new($"{Name(page)}: its {what} links to '{href}', outside the mirror folder; only what the mirror holds is imported");
}
