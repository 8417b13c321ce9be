using System.Globalization;
using Broadsheet.Samples.Fonts;
using Broadsheet.Samples.Layout;
using Broadsheet.Samples.Rendering;
using Broadsheet.Samples.Text;
using SkiaSharp;

namespace Broadsheet.Samples;

/// <summary>
/// Writes a sample edition: one broadsheet PDF per page, laid out like a Chinese daily, and beside each PDF a
/// ground-truth JSON file with every article printed on it (see <see cref="TruthArticle"/>).
/// </summary>
public static class SampleEditionGenerator
{
    /// <summary>
    /// Generates the edition described by <paramref name="options"/> into <paramref name="outputDirectory"/>
    /// (created if missing; files of the same names are overwritten). The same options always give the same
    /// truth files and the same PDFs, byte for byte.
    /// </summary>
    /// <exception cref="FileNotFoundException">A font of the chosen <see cref="SampleFontSet"/> is not installed.</exception>
    public static SampleEdition Generate(SampleEditionOptions options, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageCount, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageCount, 16);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.PublicationName);
        if (options.UnmappedFontPage is { } unmappedPage)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(unmappedPage, 2);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(unmappedPage, options.PageCount);
            if (options.Fonts != SampleFontSet.TrueType)
            {
                throw new ArgumentException("Only TrueType subsets can be embedded without their Unicode map.", nameof(options));
            }
        }

        Directory.CreateDirectory(outputDirectory);
        using var fonts = FontLibrary.Load(options.Fonts);
        var text = new TextGenerator(new Random(options.Seed), options.Date, options.PublicationName);
        var issue = options.IssueNumber ?? (options.Date.DayNumber - new DateOnly(2000, 1, 1).DayNumber + 1);
        var composer = new PageComposer(fonts, text, options, issue);
        var composed = EditionPlanner.Plan(options, text).Select(composer.Compose).ToList();

        var date = options.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var pages = new List<SamplePage>();
        foreach (var page in composed)
        {
            var plan = page.Plan;
            var baseName = $"{plan.Label}-{FileSafe(plan.Name)}";
            var pdfPath = Path.Combine(outputDirectory, baseName + ".pdf");
            var truthPath = Path.Combine(outputDirectory, baseName + ".truth.json");
            var unmapped = plan.Number == options.UnmappedFontPage;
            var ops = options.Quirks ? DigitRuns.Split(page.Ops) : page.Ops;
            PdfPageWriter.Write(pdfPath, ops, fonts, Metadata(options, plan), unmapped);

            var articles = page.Articles.Select(a => a.ToTruth()).ToList();
            var info = new TruthPageInfo(plan.Label, plan.Name, PageGrid.PageWidth, PageGrid.PageHeight, baseName + ".pdf")
            {
                TextUnreadable = unmapped ? true : null,
            };
            GroundTruth.Write(truthPath, new TruthFile(options.PublicationName, date, info, articles));
            pages.Add(new SamplePage(plan.Label, plan.Name, pdfPath, truthPath, PageGrid.PageWidth, PageGrid.PageHeight, articles));
        }

        return new SampleEdition(Path.GetFullPath(outputDirectory), options.Date, pages);
    }

    private static SKDocumentPdfMetadata Metadata(SampleEditionOptions options, PagePlan plan)
    {
        // Typeset the evening before, at a fixed time, so the PDFs do not change from run to run.
        var typeset = options.Date.AddDays(-1).ToDateTime(new TimeOnly(14, 30), DateTimeKind.Utc);
        return new SKDocumentPdfMetadata
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"{options.PublicationName} {options.Date:yyyy-MM-dd} 第{plan.Label}版 {plan.Name}"),
            Author = options.PublicationName,
            Creator = "Broadsheet.Samples",
            Producer = "Broadsheet.Samples (SkiaSharp)",
            Creation = typeset,
            Modified = typeset,
        };
    }

    private static string FileSafe(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
}
