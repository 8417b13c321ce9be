using System.Runtime.InteropServices;

namespace Broadsheet.Web.Hosting;

/// <summary>
/// Keeps the server's native heap (glibc's malloc, used by SQLite, the compressors and libvips) from growing without
/// bound. glibc gives a thread that meets contention an arena of its own, up to eight a core, and keeps what is freed
/// in an arena for later use rather than giving it back. Under the soak (bench/soak.sh: reads at saturation, an
/// import every twenty seconds beside them) the native heap kept growing while the GC heap stayed flat: after the
/// first three minutes RSS went on from 407 to 507 MB (12.2 % from its mean). With two arenas, and every
/// <see cref="TrimEvery"/> the free pages inside them handed back to the system, it held within ±6 % after those
/// minutes in each run (2026-12-07, bench/README.md and HISTORY, "The soak"). An operator's own
/// <c>MALLOC_ARENA_MAX</c> wins over the cap. Blocks of <see cref="MapFrom"/> or more are mapped on their own (see
/// <see cref="MapLargeBlocks"/>).
/// </summary>
internal static class NativeHeap
{
    /// <summary>The most arenas the server's threads share.</summary>
    public const int Arenas = 2;

    public static readonly TimeSpan TrimEvery = TimeSpan.FromSeconds(30);

    /// <summary>The size from which a block has a mapping of its own, handed back to the system when freed.</summary>
    public const int MapFrom = 1 << 20;

    private const string ArenaMaxVariable = "MALLOC_ARENA_MAX";

    private const string MmapThresholdVariable = "MALLOC_MMAP_THRESHOLD_";

    // mallopt's parameter numbers for the arena limit and the mmap threshold (malloc.h).
    private const int MArenaMax = -8;

    private const int MMmapThreshold = -3;

    /// <summary>Sets the limit; false where there is no glibc (another C library, another system) or it refused.</summary>
    public static bool CapArenas() =>
        Environment.GetEnvironmentVariable(ArenaMaxVariable) is null && Glibc(() => MallOpt(MArenaMax, Arenas) == 1);

    /// <summary>
    /// Fixes glibc's mmap threshold at <see cref="MapFrom"/>. By default glibc raises the threshold to the size of each
    /// mapped block that is freed, up to 32 MB: after the first page image (libvips' buffers for a 2000-pixel page are
    /// 16 MB) every later one came from an arena, and arenas keep what is freed in them. Over a 1,000-page library batch
    /// (bench/batch-memory.sh) the arenas grew from 139 to 280 MB in the first 28 issues with the moving threshold and held
    /// at 55–67 MB with this one, and the mean RSS by quarter was 396–424 MB instead of 573–603. The cost is page faults:
    /// an 8-page import made 218,000–228,000 instead of 162,000–174,000, within the noise of its CPU time
    /// (bench/HISTORY.md, "The mmap threshold"). An operator's own <c>MALLOC_MMAP_THRESHOLD_</c> wins. False where there
    /// is no glibc or it refused.
    /// </summary>
    public static bool MapLargeBlocks() =>
        Environment.GetEnvironmentVariable(MmapThresholdVariable) is null
        && Glibc(() => MallOpt(MMmapThreshold, MapFrom) == 1);

    /// <summary>Gives free memory back to the system; true when glibc released some.</summary>
    public static bool Trim() => Glibc(() => MallocTrim(0) == 1);

    private static PeriodicTrim? _trimming;

    /// <summary>
    /// Trims every <see cref="TrimEvery"/> for the rest of the process: in the server, and in every <c>broadsheet</c>
    /// command (a batch import's RSS rose from 610 to 767 MB over 1,000 pages with the cap alone). The first call starts
    /// it; later calls (the command that hosts the server) find it running and return false.
    /// </summary>
    public static bool KeepTrimming()
    {
        if (Volatile.Read(ref _trimming) is not null)
        {
            return false;
        }

        var trimming = new PeriodicTrim(TimeProvider.System, Trim);
        if (Interlocked.CompareExchange(ref _trimming, trimming, null) is not null)
        {
            trimming.Dispose();
            return false;
        }

        return true;
    }

    private static bool Glibc(Func<bool> call)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return call();
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks: ints need no marshalling.
    [DllImport("libc", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}

/// <summary>
/// Calls <paramref name="trim"/> every <see cref="NativeHeap.TrimEvery"/> on <paramref name="clock"/>'s timer until disposed.
/// </summary>
internal sealed class PeriodicTrim(TimeProvider clock, Func<bool> trim) : IDisposable
{
    private readonly ITimer _timer = clock.CreateTimer(_ => trim(), null, NativeHeap.TrimEvery, NativeHeap.TrimEvery);

    public void Dispose() => _timer.Dispose();
}
