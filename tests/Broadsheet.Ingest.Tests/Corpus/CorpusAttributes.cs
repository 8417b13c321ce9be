using Broadsheet.Bench.Accuracy.Corpus;

namespace Broadsheet.Ingest.Tests.Corpus;

/// <summary>A fact about the real-page corpus; skipped, saying so, where the corpus is not beside the repository.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute() => Skip = CorpusFolder.SkipWhenAbsent;
}

/// <inheritdoc cref="CorpusFactAttribute"/>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute() => Skip = CorpusFolder.SkipWhenAbsent;
}

/// <summary>Where the real-page corpus is, found by walking up from the test assembly.</summary>
internal static class CorpusFolder
{
    public static string? Path { get; } = CorpusPage.FindFolder(AppContext.BaseDirectory);

    public static string? SkipWhenAbsent =>
        Path is null ? "The real-page corpus (../shared/corpus/real/) is not present beside the repository." : null;
}
