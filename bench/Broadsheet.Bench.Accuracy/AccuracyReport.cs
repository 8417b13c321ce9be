using System.Globalization;
using System.Text;
using Broadsheet.Core.Model;

namespace Broadsheet.Bench.Accuracy;

/// <summary>The figures of one seed set: whole-article recovery and accuracy field by field.</summary>
internal sealed class AccuracyReport(string name, IReadOnlyList<int> seeds, List<ArticleResult> articles, List<PageResult> pages)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public double Whole => Share(articles, a => a.Whole);

    public string Render(bool details)
    {
        var sb = new StringBuilder();
        var found = articles.Where(a => a.Headline).ToList();
        var ious = found.Select(a => a.RegionIoU).DefaultIfEmpty(0).ToList();
        sb.AppendLine(C, $"## {name}: seeds {Seeds()}, {pages.Count} pages, {articles.Count} articles");
        sb.AppendLine(C, $"recovered whole            {Pct(Whole)}  ({articles.Count(a => a.Whole)}/{articles.Count})");
        Line(sb, "headline exact", articles, a => a.Headline);
        Line(sb, "kicker", articles, a => a.Kicker);
        Line(sb, "subheadline", articles, a => a.Subheadline);
        Line(sb, "byline", articles, a => a.Byline);
        Line(sb, "dateline", articles, a => a.Dateline);
        Line(sb, "body complete and clean", articles, a => a.Body);
        Line(sb, "paragraph splits exact", articles, a => a.Paragraphs);
        Line(sb, "kind", articles, a => a.Kind);
        Line(sb, "region IoU >= 0.9", articles, a => a.RegionIoU >= 0.9);
        sb.AppendLine(C, $"region IoU mean / min     {ious.Average():0.000} / {ious.Min():0.000}  (of articles found)");
        Line(sb, "photos with captions", [.. articles.Where(a => a.Truth.Images.Count > 0)], a => a.Images);
        Line(sb, "photo news whole", [.. articles.Where(a => a.Truth.Kind == ArticleKind.PhotoNews)], a => a.Whole);
        Line(sb, "briefs whole, items apart", [.. articles.Where(a => a.Truth.Kind == ArticleKind.Briefs)], a => a.Whole && a.Paragraphs);
        Line(sb, "advertisements whole", [.. articles.Where(a => a.Truth.Kind == ArticleKind.Advertisement)], a => a.Whole);
        Line(sb, "continuations joined", [.. articles.Where(a => a.IsContinued)], a => a.PartsJoined);
        Line(sb, "continued articles whole", [.. articles.Where(a => a.IsContinued)], a => a.Whole);
        Line(sb, "with sub-heads whole", [.. articles.Where(a => a.Truth.Subheads.Count > 0)], a => a.Whole);
        var unreadable = pages.Where(p => p.TruthUnreadable).ToList();
        sb.AppendLine(C, $"unreadable pages marked   {unreadable.Count(p => p.MarkedForReview)}/{unreadable.Count}, articles emitted from them {unreadable.Sum(p => p.Articles.Count)}");
        sb.AppendLine(C, $"readable pages marked     {pages.Count(p => !p.TruthUnreadable && p.MarkedForReview)}/{pages.Count(p => !p.TruthUnreadable)}");
        sb.AppendLine(C, $"extra detections          {pages.Where(p => !p.TruthUnreadable).Sum(p => p.Extra.Count)}");
        if (details)
        {
            foreach (var a in articles.Where(a => !a.Whole))
            {
                sb.AppendLine(C, $"- {a.Seed} {a.Truth.Id} {a.Truth.Kind} '{a.Truth.Headline}': {Problems(a)}");
            }

            foreach (var p in pages)
            {
                foreach (var e in p.Extra)
                {
                    sb.AppendLine(C, $"+ {p.Seed} {p.Label} extra '{e.Headline}' ({e.Kind}, {e.Paragraphs.Count} paragraphs)");
                }
            }
        }

        return sb.ToString();
    }

    private string Seeds() => seeds.Count > 2 && seeds[^1] - seeds[0] == seeds.Count - 1
        ? string.Create(C, $"{seeds[0]}-{seeds[^1]}")
        : string.Join(",", seeds.Select(s => s.ToString(C)));

    private static void Line(StringBuilder sb, string label, List<ArticleResult> set, Func<ArticleResult, bool> test) =>
        sb.AppendLine(C, $"{label,-26} {Pct(Share(set, test))}  ({set.Count(test)}/{set.Count})");

    private static double Share(List<ArticleResult> set, Func<ArticleResult, bool> test) =>
        set.Count == 0 ? 1 : (double)set.Count(test) / set.Count;

    private static string Pct(double share) => (share * 100).ToString("0.0", C).PadLeft(5) + "%";

    private static string Problems(ArticleResult a)
    {
        if (a.Found is not { } f)
        {
            return "headline not found";
        }

        var c = f.Content;
        var parts = new List<string>();
        if (a.RegionIoU < 0.9)
        {
            parts.Add("IoU " + string.Join("/", a.PageIoUs.Select(i => i.ToString("0.00", C))));
        }

        if (!a.PartsJoined)
        {
            parts.Add(string.Create(C, $"parts {f.Parts.Count} not joined as printed"));
        }

        Add(parts, "kicker", a.Kicker, c.Kicker, a.Truth.Kicker);
        Add(parts, "sub", a.Subheadline, c.Subheadline, a.Truth.Subheadline);
        Add(parts, "byline", a.Byline, c.Byline, a.Truth.Byline);
        Add(parts, "dateline", a.Dateline, c.Dateline, a.Truth.Dateline);
        if (!a.Kind)
        {
            parts.Add($"kind {c.Kind}");
        }

        if (!a.Body)
        {
            parts.Add("body " + FirstDifference(string.Join("¶", c.Paragraphs), string.Join("¶", a.Truth.Paragraphs)));
        }
        else if (!a.Paragraphs)
        {
            parts.Add(string.Create(C, $"paragraphs {c.Paragraphs.Count} vs {a.Truth.Paragraphs.Count}"));
        }

        if (!a.Images)
        {
            parts.Add("images " + string.Join(" / ", f.Parts.SelectMany(p => p.Part.Images).Select(i => $"{i.Caption}|{i.Credit}"))
                + " vs " + string.Join(" / ", a.Truth.Images.Select(i => $"{i.Caption}|{i.Credit}")));
        }

        return string.Join("; ", parts);
    }

    private static void Add(List<string> parts, string what, bool ok, string? found, string? truth)
    {
        if (!ok)
        {
            parts.Add($"{what} '{found}' != '{truth}'");
        }
    }

    private static string FirstDifference(string found, string truth)
    {
        var i = 0;
        while (i < found.Length && i < truth.Length && found[i] == truth[i])
        {
            i++;
        }

        string Around(string t) => t.Substring(Math.Max(0, i - 15), Math.Min(45, t.Length - Math.Max(0, i - 15)));
        return string.Create(C, $"at {i}: found '…{Around(found)}…' truth '…{Around(truth)}…'");
    }
}
