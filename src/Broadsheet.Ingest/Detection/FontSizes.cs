using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// The page's type sizes: the body size is the size most characters are set in; anything clearly larger
/// is display type (headlines, kickers, subheadlines).
/// </summary>
internal sealed record FontSizes(double Body)
{
    /// <summary>Display type is at least this much larger than body type.</summary>
    public const double DisplayRatio = 1.15;

    /// <summary>A headline is at least this much larger than body type: clearly larger, not a bold subhead.</summary>
    public const double HeadlineRatio = 1.3;

    public bool IsDisplay(TextLine line) => line.FontSize >= Body * DisplayRatio;

    public bool IsHeadlineSize(double size) => size >= Body * HeadlineRatio;

    public static FontSizes Of(IEnumerable<TextLine> lines)
    {
        // Sizes are binned to a quarter point: the same style drawn through different matrices differs in
        // the last decimals.
        var histogram = lines
            .GroupBy(l => Math.Round(l.FontSize * 4) / 4)
            .Select(g => (Size: g.Key, Chars: g.Sum(l => l.Text.Length)))
            .OrderByDescending(x => x.Chars)
            .ThenBy(x => x.Size)
            .ToList();
        return new FontSizes(histogram.Count > 0 ? histogram[0].Size : 10);
    }
}
