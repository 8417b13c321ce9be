using System.Net;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>The export's own pages: its search (Pagefind's interface over the index built on the export) and redirects.</summary>
internal static class SearchPage
{
    /// <summary>The Pagefind filter each exported article carries: its publication's slug and edition segment (<c>binjiang/2026-11-02_2</c>).</summary>
    public const string EditionFilter = "edition";

    /// <summary>
    /// <c>/search/</c>: Pagefind's interface, started with the words of <c>?q=</c> (what the reader's search box sends),
    /// over the articles (the only pages marked <c>data-pagefind-body</c>); with <c>pub=</c> and <c>edition=</c> (仅本期),
    /// only that edition's articles, by their <see cref="EditionFilter"/>. The filter panel is hidden: it would list
    /// every edition of the archive.
    /// </summary>
    public const string Html = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>检索 Search</title>
        <link rel="stylesheet" href="/pagefind/pagefind-ui.css">
        <style>body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; } .pagefind-ui__filter-panel { display: none; }</style>
        </head>
        <body>
        <p><a href="/">首页 Home</a></p>
        <h1>检索 Search</h1>
        <div id="search"></div>
        <p id="scope" hidden>仅在 <span id="scope-edition"></span> 这一期中检索 Only in this edition · <a id="scope-all" href="/search/">检索全部 Search everything</a></p>
        <p id="no-index" hidden>这份导出没有检索索引。This export has no search index.</p>
        <script src="/pagefind/pagefind-ui.js"></script>
        <script>
          if (typeof PagefindUI === "undefined") {
            document.getElementById("no-index").hidden = false;
          } else {
            const ui = new PagefindUI({ element: "#search", showSubResults: true, showImages: false });
            const query = new URLSearchParams(location.search);
            const q = query.get("q");
            const pub = query.get("pub");
            const edition = query.get("edition");
            if (pub && edition) {
              ui.triggerFilters({ edition: [pub + "/" + edition] });
              document.getElementById("scope-edition").textContent = edition;
              document.getElementById("scope-all").href = "/search/" + (q ? "?q=" + encodeURIComponent(q) : "");
              document.getElementById("scope").hidden = false;
            }
            if (q) ui.triggerSearch(q);
          }
        </script>
        </body>
        </html>
        """;

    /// <summary>A page that sends the reader on to <paramref name="link"/>, as the app's redirect did.</summary>
    public static string Redirect(string link)
    {
        var encoded = WebUtility.HtmlEncode(link);
        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={encoded}"><link rel="canonical" href="{encoded}"></head>
            <body><a href="{encoded}">{encoded}</a></body></html>
            """;
    }
}
