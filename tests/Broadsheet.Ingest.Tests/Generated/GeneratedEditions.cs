using Broadsheet.Ingest.Tests.Support;
using Broadsheet.Samples;

namespace Broadsheet.Ingest.Tests.Generated;

/// <summary>
/// Two sample editions, generated once for the test class that uses them and deleted after it: one set in
/// embedded TrueType subsets with an English page, one in Noto CFF fonts, which Skia writes as Type 3 fonts
/// whose ToUnicode maps common characters to Kangxi radicals.
/// </summary>
public sealed class GeneratedEditions : IDisposable
{
    private readonly TempFolder _temp = new();
    private DetectionEvaluation? _trueTypeDetection;
    private DetectionEvaluation? _notoCffDetection;

    public GeneratedEditions()
    {
        TrueType = SampleEditionGenerator.Generate(
            new SampleEditionOptions { Seed = 1, PageCount = 8, IncludeEnglishPage = true }, _temp.Folder("2026-11-02"));
        NotoCff = SampleEditionGenerator.Generate(
            new SampleEditionOptions { Seed = 4, PageCount = 8, Fonts = SampleFontSet.NotoCff }, _temp.Folder("2026-11-03"));
    }

    public SampleEdition TrueType { get; }

    public SampleEdition NotoCff { get; }

    /// <summary>Detection scored against the truth, once per edition: reading and scoring take a few seconds.</summary>
    internal DetectionEvaluation TrueTypeDetection => _trueTypeDetection ??= DetectionEvaluation.Run(TrueType);

    internal DetectionEvaluation NotoCffDetection => _notoCffDetection ??= DetectionEvaluation.Run(NotoCff);

    public void Dispose() => _temp.Dispose();
}
