namespace Broadsheet.Core.Ports;

/// <summary>
/// What one run of a native tool (a renderer, the PDF sanitiser) may use before it is killed: wall time, and
/// memory as an address-space limit, which also bounds its CPU time to the same number of seconds. A hostile
/// file then costs only that child process, never the importer or the server.
/// </summary>
/// <param name="Timeout">Wall time; the tool is killed when it runs longer or when the work is cancelled.</param>
/// <param name="MemoryBytes">Address space the tool may map; an allocation beyond it fails inside the tool.</param>
public sealed record ToolLimits(TimeSpan Timeout, long MemoryBytes)
{
    /// <summary>Two minutes and 1 GiB: far more than any real newspaper page needs.</summary>
    public static ToolLimits Default { get; } = new(TimeSpan.FromMinutes(2), 1L << 30);
}
