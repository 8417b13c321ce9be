namespace Broadsheet.Ingest.Packages;

/// <summary>How much a zip package may unpack to; guards against zip bombs.</summary>
internal sealed record PackageLimits(long MaxBytes, int MaxEntries);
