using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Import;
using Broadsheet.Samples;

namespace Broadsheet.Bench.Accuracy;

/// <summary>
/// How one printed article fared, once per article however many pages it is printed on: <see cref="Found"/>
/// is the detected article after <see cref="ContinuationJoiner"/> joined its parts, <see cref="PageIoUs"/> the
/// region overlap on each page it is printed on (0 where no part with its headline was found there).
/// </summary>
internal sealed record ArticleResult(int Seed, TruthArticle Truth, EditionArticle? Found, IReadOnlyList<double> PageIoUs, bool PartsJoined)
{
    private DetectedArticle? Content => Found?.Content;

    public bool Headline => Found is not null;

    public bool Kicker => Content is not null && Content.Kicker == Truth.Kicker;

    public bool Subheadline => Content is not null && Content.Subheadline == Truth.Subheadline;

    public bool Byline => Content is not null && Content.Byline == Truth.Byline;

    public bool Dateline => Content is not null && Content.Dateline == Truth.Dateline;

    /// <summary>All of the body and nothing else: the same text once paragraph breaks are ignored.</summary>
    public bool Body => Content is not null && string.Concat(Content.Paragraphs) == string.Concat(Truth.Paragraphs);

    /// <summary>The body split into the same paragraphs (sub-heads and brief items each their own).</summary>
    public bool Paragraphs => Content is not null && Content.Paragraphs.SequenceEqual(Truth.Paragraphs);

    public bool Kind => Content is not null && Content.Kind == Truth.Kind;

    /// <summary>The article's photos, each with its caption and credit, in the order printed.</summary>
    public bool Images => Found is not null
        && Found.Parts.SelectMany(p => p.Part.Images).Select(i => (i.Caption, i.Credit))
            .SequenceEqual(Truth.Images.Select(i => (i.Caption, i.Credit)));

    public double RegionIoU => PageIoUs.Count == 0 ? 0 : PageIoUs.Min();

    /// <summary>
    /// Recovered whole: headline exact; kicker, subheadline, byline and dateline right in their own fields;
    /// body complete and holding nothing of another article; region IoU at least 0.9 on every page it is
    /// printed on (so a continued article must also be joined); photo news also needs its caption.
    /// </summary>
    public bool Whole => Headline && Kicker && Subheadline && Byline && Dateline && Body && RegionIoU >= 0.9 && PartsJoined
        && (Truth.Kind != ArticleKind.PhotoNews || Images);

    public bool IsContinued => Truth.Regions.Select(r => r.PageLabel).Distinct(StringComparer.Ordinal).Count() > 1;
}
