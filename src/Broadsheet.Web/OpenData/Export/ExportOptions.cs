using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Web.OpenData.Export;

/// <summary>
/// A static export the server keeps up to date, under <c>Broadsheet:Export</c>: after every publish, withdrawal,
/// replace or desk edit it rewrites that edition's files and the pages that list it (docs/operations.md, "Static export").
/// </summary>
public sealed class ExportOptions
{
    public const string Section = "Broadsheet:Export";

    /// <summary>The export's folder; unset (the default), the server keeps no export and <c>broadsheet export</c> is run by hand.</summary>
    public string? Directory { get; set; }

    /// <summary>Where the export is served (sitemaps and feeds need absolute URLs); unset, <c>Broadsheet:PublicUrl</c>, else root-relative.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Seconds between looks at the editions' stamps; 5 unless set.</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>The Pagefind binary; unset, the one installed beside broadsheet, then <c>pagefind</c> on PATH (none: the export has no search index).</summary>
    public string? Pagefind { get; set; }

    /// <summary>The server's own address for the export to read it from; unset, the first address Kestrel listens on (a wildcard host read as loopback).</summary>
    public string? AppUrl { get; set; }
}
