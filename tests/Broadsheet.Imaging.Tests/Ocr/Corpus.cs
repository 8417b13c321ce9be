namespace Broadsheet.Imaging.Tests.Ocr;

/// <summary>
/// The real pages in <c>../shared/corpus/real/</c> beside the repository (or beside a folder above it, as for a
/// worktree); never copied into the repository.
/// </summary>
internal static class Corpus
{
    public static string? Directory { get; } = Find();

    public static string Path(string relative) =>
        System.IO.Path.Combine(Directory ?? throw new InvalidOperationException("The corpus is not present."), relative);

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "corpus", "real");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact about a corpus page; skipped, saying so, where the corpus is not present.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string file)
    {
        if (Corpus.Directory is null || !File.Exists(Corpus.Path(file)))
        {
            Skip = $"The real-page corpus (../shared/corpus/real/{file}) is not present beside the repository.";
        }
    }
}
