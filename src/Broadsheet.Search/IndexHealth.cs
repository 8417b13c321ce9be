namespace Broadsheet.Search;

/// <summary>What <see cref="SearchIndex.Check(string)"/> found at an index path.</summary>
public enum IndexHealthStatus
{
    /// <summary>The index opens and its files pass their checksums.</summary>
    Healthy = 0,

    /// <summary>There is no index yet; a rebuild creates it.</summary>
    Missing = 1,

    /// <summary>The index cannot be read; it has to be rebuilt.</summary>
    Corrupt = 2,

    /// <summary>The index was written by an older analysis scheme; searches work but miss things until it is rebuilt.</summary>
    Outdated = 3,
}

/// <summary>The state of a search index, with a message an operator can act on.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Documents">How many articles the index holds (0 unless it could be opened).</param>
/// <param name="Message">One sentence for the operator, saying what to do when the index is not healthy.</param>
public sealed record IndexHealth(IndexHealthStatus Status, int Documents, string Message)
{
    public bool IsHealthy => Status == IndexHealthStatus.Healthy;

    public bool NeedsRebuild => Status is IndexHealthStatus.Missing or IndexHealthStatus.Corrupt or IndexHealthStatus.Outdated;

    /// <summary>The folder holds files that are not an index at all (a mistyped path): never moved aside or overwritten.</summary>
    internal bool IsForeign { get; init; }
}
