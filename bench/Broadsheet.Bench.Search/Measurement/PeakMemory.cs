using System.Globalization;

namespace Broadsheet.Bench.Search.Measurement;

/// <summary>The process's peak resident set (VmHWM), which Linux lets a process reset for itself between phases.</summary>
internal static class PeakMemory
{
    /// <summary>Peak RSS in bytes since start or the last <see cref="Reset"/>; 0 where /proc is not there.</summary>
    public static long Read()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = line?["VmHWM:".Length..].Trim().Split(' ')[0];
        return kb is null ? 0 : long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Frees what the last phase left behind and starts a new peak from the current RSS ("5" to clear_refs).</summary>
    public static void Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not Linux, or not allowed: the later peak then covers both phases, which the report says.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
