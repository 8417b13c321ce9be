namespace Broadsheet.Imaging.Rasterizing;

/// <summary>Which renderers to run and how long to give them.</summary>
public sealed class RasterizerOptions
{
    /// <summary>MuPDF's command-line tool; the fastest renderer here. Default <c>mutool</c> on the PATH.</summary>
    public string MutoolPath { get; set; } = "mutool";

    /// <summary>Poppler's renderer, used when mutool is missing or fails. Default <c>pdftoppm</c>.</summary>
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <summary>A page that takes longer than this is treated as broken. Default 120 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Address space a renderer may map when the caller gives no limits (the importer gives its own). Default
    /// 1 GiB; 0 runs it without a memory limit.
    /// </summary>
    public long MemoryBytes { get; set; } = 1L << 30;
}
