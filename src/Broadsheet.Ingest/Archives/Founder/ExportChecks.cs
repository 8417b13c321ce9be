using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Archives.Founder;

/// <summary>
/// Where article detection disagrees with what an export gives. The export's articles are imported as they
/// are; these are lines for the person running the import (and the desk) to look at: outlines that overlap,
/// articles without text, and on a PDF page, headlines detection finds outside every outline, or outlines it
/// finds no article in.
/// </summary>
internal static class ExportChecks
{
    /// <summary>Share of an area two outlines may have in common before they are said to overlap.</summary>
    private const double OverlapShare = 0.1;

    public static IReadOnlyList<string> Run(StagedFounderPage page, string language, IArticleDetector detector)
    {
        var file = Path.GetFileName(page.PageFile);
        var given = page.Export.Articles.Select(a => (a.Headline, Outline: new Polygon(a.Outline.Select(p => new NormalisedPoint(p.X, p.Y))))).ToList();
        var warnings = new List<string>();
        for (var i = 0; i < given.Count; i++)
        {
            if (page.Export.Articles[i].Paragraphs.Count == 0)
            {
                warnings.Add($"{page.Export.XmlName}: article '{given[i].Headline}' has no text");
            }

            for (var j = i + 1; j < given.Count; j++)
            {
                if (Share(given[i].Outline, given[j].Outline) > OverlapShare || Share(given[j].Outline, given[i].Outline) > OverlapShare)
                {
                    warnings.Add($"{page.Export.XmlName}: the outlines of '{given[i].Headline}' and '{given[j].Headline}' overlap");
                }
            }
        }

        if (FileSignature.Sniff(page.PageFile) != PageFileKind.Pdf)
        {
            return warnings; // A page image has no text for detection to read.
        }

        var layout = PdfLayoutReader.ReadFirstPage(page.PageFile, HanScripts.FromLanguage(language));
        if (layout.IsUnreadable || layout.Lines.Count == 0)
        {
            warnings.Add($"{file}: the PDF has no readable text, so the export's articles could not be checked against it");
            return warnings;
        }

        var detected = detector.Detect(layout)
            .Where(a => a.Kind is not (ArticleKind.Advertisement or ArticleKind.Notice) && !a.HeadlineGuessed && a.Regions.Count > 0)
            .ToList();
        foreach (var article in detected)
        {
            var best = given.Select(g => (g.Headline, Share: article.Regions.Sum(r => Share(r, g.Outline) * r.Area) / article.Regions.Sum(r => r.Area)))
                .MaxBy(g => g.Share);
            if (best.Share < 0.5)
            {
                var (left, top, _, _) = article.Regions[0].Bounds;
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: detection finds an article '{article.Headline}' at {left:P0} across, {top:P0} down, outside the export's outlines"));
            }
        }

        foreach (var (headline, outline) in given)
        {
            if (!detected.Any(a => a.Regions.Any(r => Share(r, outline) >= 0.5)))
            {
                warnings.Add($"{file}: detection finds no article inside the outline of the export's '{headline}'");
            }
        }

        return warnings;
    }

    /// <summary>The share of <paramref name="a"/>'s area that lies inside <paramref name="b"/>, measured on a grid over <paramref name="a"/>.</summary>
    internal static double Share(Polygon a, Polygon b)
    {
        const int Steps = 40;
        var (left, top, right, bottom) = a.Bounds;
        var (inside, both) = (0, 0);
        for (var i = 0; i < Steps; i++)
        {
            for (var j = 0; j < Steps; j++)
            {
                var x = left + ((right - left) * (i + 0.5) / Steps);
                var y = top + ((bottom - top) * (j + 0.5) / Steps);
                if (a.Contains(x, y))
                {
                    inside++;
                    both += b.Contains(x, y) ? 1 : 0;
                }
            }
        }

        return inside == 0 ? 0 : (double)both / inside;
    }
}
