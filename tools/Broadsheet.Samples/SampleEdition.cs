namespace Broadsheet.Samples;

/// <summary>A generated edition: one PDF and one ground-truth JSON file per page, in <see cref="Directory"/>.</summary>
public sealed record SampleEdition(string Directory, DateOnly Date, IReadOnlyList<SamplePage> Pages);

/// <summary>One generated page: its PDF, its ground truth, its size in points and the articles printed on it.</summary>
/// <remarks>An article continued from another page is listed (whole, with all its regions) on every page it is printed on.</remarks>
public sealed record SamplePage(
    string Label,
    string Name,
    string PdfPath,
    string TruthPath,
    double WidthPt,
    double HeightPt,
    IReadOnlyList<TruthArticle> Articles);
