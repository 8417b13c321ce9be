using System.Globalization;

namespace Broadsheet.Bench.Ocr;

/// <summary>
/// CPU seconds used by this process and the child processes it has waited for (Tesseract), from
/// <c>/proc/self/stat</c>: on a shared machine these say more than wall time, which depends on what else runs.
/// </summary>
internal static class CpuClock
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        // Fields after the command name in parentheses, which may hold spaces: utime is field 14, cstime field 17.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return Enumerable.Range(11, 4).Sum(i => double.Parse(fields[i], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
