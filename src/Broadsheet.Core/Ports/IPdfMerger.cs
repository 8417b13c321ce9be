namespace Broadsheet.Core.Ports;

/// <summary>Joins PDF files into one, in the order given: the whole edition as one download.</summary>
public interface IPdfMerger
{
    /// <summary>Writes the pages of <paramref name="inputPaths"/>, in order, to <paramref name="outputPath"/>.</summary>
    Task MergeAsync(IReadOnlyList<string> inputPaths, string outputPath, CancellationToken cancellationToken = default);
}
