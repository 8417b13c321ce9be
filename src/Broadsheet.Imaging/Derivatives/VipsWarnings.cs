using NetVips;

namespace Broadsheet.Imaging.Derivatives;

/// <summary>
/// libvips reports a damaged image as GLib warnings written straight to the process's standard error, dozens of
/// lines for one bad TIFF, ahead of the error that says what failed (which the importer reports in one line).
/// They are dropped once per process; the error itself still reaches the caller as an exception.
/// </summary>
internal static class VipsWarnings
{
    private static int _silenced;

    public static void Silence()
    {
        if (Interlocked.Exchange(ref _silenced, 1) == 0)
        {
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info | Enums.LogLevelFlags.Debug, static (_, _, _) => { });
        }
    }
}
