namespace Broadsheet.Samples.Tests;


/// <summary>Generates one edition into a private temp directory for a test class, and deletes it afterwards.</summary>
public abstract class EditionFixture : IDisposable
{
    protected EditionFixture(SampleEditionOptions options)
    {
        Directory = Path.Combine(Path.GetTempPath(), "broadsheet-samples-" + Guid.NewGuid().ToString("N"));
        Options = options;
        Edition = SampleEditionGenerator.Generate(options, Directory);
    }

    public string Directory { get; }

    public SampleEditionOptions Options { get; }

    public SampleEdition Edition { get; }

    /// <summary>What a PDF reader reads from page <paramref name="label"/>; each page is parsed once.</summary>
    public PdfText Text(string label) =>
        _texts.GetOrAdd(label, l => PdfText.Read(Edition.Pages.Single(p => p.Label == l).PdfPath));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PdfText> _texts = new(StringComparer.Ordinal);

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The default edition: eight Chinese pages, seed 1.</summary>
public sealed class ChineseEditionFixture() : EditionFixture(new SampleEditionOptions());

/// <summary>An eight-page edition with an English page.</summary>
public sealed class EnglishEditionFixture() : EditionFixture(new SampleEditionOptions { Seed = 7, IncludeEnglishPage = true });
