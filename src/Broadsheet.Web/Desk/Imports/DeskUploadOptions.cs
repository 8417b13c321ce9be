using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Web.Desk.Imports;

/// <summary>Limits of the desk's upload, under <c>Broadsheet:Desk:Upload</c>.</summary>
internal sealed class DeskUploadOptions
{
    public const string Section = "Broadsheet:Desk:Upload";

    /// <summary>Most bytes one upload (all its files together) may send. Default 1 GiB.</summary>
    [Range(1024L, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 1L * 1024 * 1024 * 1024;

    /// <summary>Most bytes one uploaded file may have. Default 300 MiB (a whole edition as one zip or one PDF).</summary>
    [Range(1024L, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 300L * 1024 * 1024;

    /// <summary>Most files one upload may hold. Default 200.</summary>
    [Range(1, 10_000)]
    public int MaxFiles { get; set; } = 200;

    /// <summary>Uploads that may wait while another is imported; more are refused until one finishes. Default 4.</summary>
    [Range(1, 100)]
    public int MaxWaiting { get; set; } = 4;

    /// <summary>Minutes a finished import's progress and result stay viewable. Default 120.</summary>
    [Range(1, 10_080)]
    public int KeepFinishedMinutes { get; set; } = 120;
}
