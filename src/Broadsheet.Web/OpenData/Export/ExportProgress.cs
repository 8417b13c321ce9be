namespace Broadsheet.Web.OpenData.Export;

/// <summary>How far an export has got: files looked at, written (new or changed), left as they were, and skipped.</summary>
internal sealed record ExportProgress(int Fetched, int Written, int Unchanged, int Kept, string? Current)
{
    /// <summary>Files of changed editions deleted because the app no longer has them (an incremental pass only).</summary>
    public int Deleted { get; init; }
}

/// <summary>What to export: into <paramref name="Directory"/>, one publication or all, editions since a date or all.</summary>
/// <param name="Directory">The export's root folder; created when missing.</param>
/// <param name="Publication">Only this paper's pages (its slug), or every paper.</param>
/// <param name="Since">Only editions of this date or later are fetched again; older ones are kept as exported before.</param>
/// <param name="PublicUrl">The address the export will be served at (for sitemaps and feeds, which need absolute URLs); root-relative when null.</param>
internal sealed record ExportSettings(string Directory, string? Publication = null, DateOnly? Since = null, string? PublicUrl = null);
