using AngleSharp.Html.Parser;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>
/// A reader page made fit to be a file: every link to the app pointed at the file that answers it, forms that
/// post (reporting a problem) and links to what only the live app does taken out, the search form sent to the
/// export's own search page, and an article's text marked for Pagefind to index.
/// </summary>
internal sealed class HtmlRewriter(IReadOnlyList<string> origins)
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] LinkAttributes = ["href", "src", "action", "poster"];

    /// <summary>The rewritten page and the app URLs it links to (as written in the page, before rewriting).</summary>
    public (string Html, IReadOnlyList<string> Links) Rewrite(string html, bool article)
    {
        var document = Parser.ParseDocument(html);
        var links = new List<string>();
        foreach (var form in document.QuerySelectorAll("form").ToList())
        {
            var action = form.GetAttribute("action") ?? "";
            if (string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)
                || (Local(action) is { } jump && ExportPaths.IsDynamic(jump) && !jump.StartsWith("/search", StringComparison.Ordinal)))
            {
                form.Remove();
            }
            else if (Local(action) is { } path && path.StartsWith("/search", StringComparison.Ordinal))
            {
                form.SetAttribute("action", "/search/");
            }
        }

        foreach (var element in document.All.ToList())
        {
            foreach (var attribute in element.Attributes.ToList())
            {
                var name = attribute.Name;
                if (name == "srcset")
                {
                    element.SetAttribute(name, string.Join(", ", attribute.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(candidate =>
                    {
                        var parts = candidate.Split(' ', 2);
                        return Map(parts[0], links) + (parts.Length > 1 ? " " + parts[1] : "");
                    })));
                }
                else if ((LinkAttributes.Contains(name) || name.StartsWith("data-", StringComparison.Ordinal)) && Local(attribute.Value) is not null)
                {
                    if (name == "href" && element.LocalName == "a" && ExportPaths.IsDynamic(Local(attribute.Value)!)
                        && !Local(attribute.Value)!.StartsWith("/search", StringComparison.Ordinal))
                    {
                        element.Remove(); // e.g. 报告问题: it needs the live app
                        break;
                    }

                    element.SetAttribute(name, Map(attribute.Value, links));
                }
            }
        }

        if (article && document.QuerySelector("main") is { } main)
        {
            main.SetAttribute("data-pagefind-body", "");
            // 仅本期 sends the masthead's pub= and edition= to the export's search page, which keeps the hits of that
            // filter: the article's edition as the reader's URLs name it (binjiang/2026-11-02, binjiang/2026-11-02_2).
            if (EditionFilter(document) is { } edition)
            {
                main.SetAttribute("data-pagefind-filter", SearchPage.EditionFilter + ":" + edition);
            }
            // The article's tools (默认 分享 朗读) and the reader's other chrome (notes, forms, the sidebar) are words on
            // every article, not its text: not indexed, not in excerpts. The article view marks most of it itself.
            foreach (var tools in main.QuerySelectorAll("[role=toolbar], button, nav, aside.sidebar, form, details.report, [role=note]"))
            {
                tools.SetAttribute("data-pagefind-ignore", "all");
            }
        }

        return ("<!DOCTYPE html>\n" + document.DocumentElement.OuterHtml, links);
    }

    /// <summary>The edition the masthead's 仅本期 names (<c>binjiang/2026-11-02_2</c>), or null on a page without one.</summary>
    private static string? EditionFilter(AngleSharp.Dom.IDocument document)
    {
        var form = document.QuerySelector("form.header-search");
        var pub = form?.QuerySelector("input[name=pub]")?.GetAttribute("value");
        var edition = form?.QuerySelector("input[name=edition]")?.GetAttribute("value");
        // A filter's value ends at a comma (Pagefind lists several filters with commas); neither a slug nor a segment has one.
        return string.IsNullOrEmpty(pub) || string.IsNullOrEmpty(edition) || (pub + edition).Contains(',', StringComparison.Ordinal)
            ? null
            : pub + "/" + edition;
    }

    /// <summary>The path and the rest of a URL of the app (root-relative, or absolute at the app's origin), or null.</summary>
    private string? Local(string url)
    {
        foreach (var origin in origins)
        {
            if (url.StartsWith(origin, StringComparison.Ordinal) && (url.Length == origin.Length || url[origin.Length] is '/' or '?' or '#'))
            {
                url = url[origin.Length..];
                if (url.Length == 0 || url[0] != '/')
                {
                    url = "/" + url;
                }

                break;
            }
        }

        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : null;
    }

    private string Map(string url, List<string> links)
    {
        if (Local(url) is not { } local)
        {
            return url;
        }

        var cut = local.IndexOfAny(['?', '#']);
        var path = cut < 0 ? local : local[..cut];
        var fragment = local.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? local[hash..] : "";
        if (path == "/search")
        {
            return "/search/" + (cut >= 0 && local[cut] == '?' ? local[cut..] : "");
        }

        links.Add(local);
        var query = cut >= 0 && local[cut] == '?' ? local[cut..(fragment.Length > 0 ? local.Length - fragment.Length : local.Length)] : null;
        return ExportPaths.Link(ExportPaths.Fetched(Uri.UnescapeDataString(path), query)) is var link && path.Contains('%', StringComparison.Ordinal)
            ? EscapePath(link) + fragment
            : link + fragment;
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
