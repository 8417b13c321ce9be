using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Bench.Accuracy.Corpus;

/// <summary>
/// Detection on the real pages with ground truth, page by page: articles recovered, kicker, subheadline and
/// byline right of the recovered ones, and the time reading and detecting took.
/// </summary>
internal static class CorpusRun
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Run(string folder, bool details, string? jsonFolder)
    {
        var pages = CorpusPage.In(folder);
        if (pages.Count == 0)
        {
            Console.WriteLine($"no pages with truth in {folder}: the shared corpus is absent on this machine");
            return 1;
        }

        var sb = new StringBuilder();
        sb.AppendLine("| page | articles recovered | kicker | subheadline | byline | read + detect |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
        int got = 0, total = 0;
        var fields = new int[6];
        var lines = new StringBuilder();
        foreach (var page in pages)
        {
            var clock = Stopwatch.StartNew();
            var layout = PdfLayoutReader.ReadFirstPage(page.PdfPath, HanScript.Simplified);
            var articles = new SimpleArticleDetector().Detect(layout);
            clock.Stop();
            var scores = CorpusScorer.Score(page.Articles, articles);
            var recovered = scores.Where(s => s.Found is not null).ToList();
            got += recovered.Count;
            total += scores.Count;
            var cells = new List<string>();
            var f = 0;
            foreach (var field in new[] { "kicker", "subheadline", "byline" })
            {
                var asked = recovered.Where(s => Given(s.Truth, field)).ToList();
                var right = asked.Count(s => !s.WrongFields.Any(w => w.StartsWith(field + ":", StringComparison.Ordinal)));
                fields[f++] += right;
                fields[f++] += asked.Count;
                cells.Add(asked.Count == 0 ? "–" : $"{right}/{asked.Count}");
            }

            sb.AppendLine(C, $"| {page.Name} | {recovered.Count}/{scores.Count} ({(double)recovered.Count / scores.Count:0%}) | {string.Join(" | ", cells)} | {clock.Elapsed.TotalMilliseconds:0} ms |");
            if (details)
            {
                lines.AppendLine(C, $"{page.Name}: {articles.Count} articles detected");
                foreach (var s in scores.Where(s => s.Found is null))
                {
                    lines.AppendLine(C, $"  LOST '{s.Truth.Headline}': {s.Why}");
                }

                foreach (var s in scores.SelectMany(s => s.WrongFields))
                {
                    lines.AppendLine(C, $"  field {s}");
                }

                foreach (var s in scores.Where(s => s.Found is { Confidence: < 0.7 }))
                {
                    lines.AppendLine(C, $"  doubted though right: '{s.Truth.Headline}' ({s.Found!.Doubts}, {s.Found.Confidence:0.00})");
                }

                var used = scores.Select(s => s.Found).OfType<DetectedArticle>().ToHashSet(ReferenceEqualityComparer.Instance);
                foreach (var extra in articles.Where(a => !used.Contains(a)))
                {
                    lines.AppendLine(C, $"  + '{extra.Headline}' ({extra.Kind}, {extra.Paragraphs.Count} paragraphs, confidence {extra.Confidence:0.00})");
                }
            }

            if (jsonFolder is not null)
            {
                Directory.CreateDirectory(jsonFolder);
                File.WriteAllText(Path.Combine(jsonFolder, page.Name + ".json"), EditionJson(articles));
            }
        }

        sb.AppendLine(C, $"| **all** | **{got}/{total} ({(double)got / total:0%})** | {fields[0]}/{fields[1]} | {fields[2]}/{fields[3]} | {fields[4]}/{fields[5]} | |");
        Console.Write(sb.ToString());
        Console.Write(lines.ToString());
        return 0;
    }

    private static bool Given(CorpusTruthArticle truth, string field) => !string.IsNullOrEmpty(field switch
    {
        "kicker" => truth.Kicker,
        "subheadline" => truth.Subheadline,
        _ => truth.Byline,
    });

    /// <summary>One page as the JSON API gives an edition, so the corpus's own score.py can check this scorer.</summary>
    private static string EditionJson(IReadOnlyList<DetectedArticle> articles) => JsonSerializer.Serialize(
        new
        {
            pages = new[]
            {
                new
                {
                    articles = articles.Select(a => new
                    {
                        kicker = a.Kicker,
                        headline = a.Headline,
                        subheadline = a.Subheadline,
                        byline = a.Byline,
                        paragraphs = a.Paragraphs,
                        images = a.Images.Select(i => new { caption = i.Caption, credit = i.Credit }),
                        kind = a.Kind.ToString(),
                        confidence = Math.Round(a.Confidence, 2),
                        doubts = a.Doubts.ToString(),
                    }),
                },
            },
        },
        new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });
}
