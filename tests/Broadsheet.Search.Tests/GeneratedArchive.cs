using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Samples;

namespace Broadsheet.Search.Tests;

/// <summary>One relevance case: what a reader types and how to tell that the right article came first.</summary>
/// <param name="Kind">What sort of query it is (headline, name, phrase …), for the report.</param>
/// <param name="Query">The search.</param>
/// <param name="Expected">The article ids any of which is a right first hit.</param>
/// <param name="Approximate">Whether the hits are expected to come from the misspelling fallback.</param>
public sealed record RelevanceCase(string Kind, SearchQuery Query, IReadOnlyList<int> Expected, bool Approximate = false)
{
    public override string ToString() => $"{Kind}: {Query.Text}";
}

/// <summary>
/// Four generated editions (one with an English page), indexed from their ground truth, and a relevance set
/// drawn from them by fixed rules: whatever the generator writes, each case's right answer is known because
/// the query is taken from that article and from nothing else in the archive.
/// </summary>
public sealed partial class GeneratedArchive : IDisposable
{
    private static readonly Lazy<GeneratedArchive> Shared = new(() => new GeneratedArchive());

    private static readonly (int Seed, DateOnly Date, bool English)[] Editions =
    [
        (41, new DateOnly(2025, 3, 10), false),
        (42, new DateOnly(2025, 6, 15), true),
        (43, new DateOnly(2026, 1, 20), false),
        (44, new DateOnly(2026, 11, 2), false),
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("broadsheet-relevance-").FullName;
    private readonly List<(ArticleDocument Doc, string AllText)> _articles = [];

    private GeneratedArchive()
    {
        var id = 0;
        foreach (var (seed, date, english) in Editions)
        {
            var edition = SampleEditionGenerator.Generate(
                new SampleEditionOptions { Seed = seed, Date = date, PageCount = 8, IncludeEnglishPage = english },
                Path.Combine(_folder, seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var page in edition.Pages)
            {
                var n = 0;
                foreach (var article in page.Articles)
                {
                    n++;
                    if (article.Kind == ArticleKind.Advertisement || !seen.Add(article.Id))
                    {
                        continue;
                    }

                    var doc = new ArticleDocument
                    {
                        ArticleId = ++id,
                        PublicationSlug = "binjiang",
                        PublicationName = "滨江日报",
                        Date = date,
                        PageLabel = page.Label,
                        PageName = page.Name,
                        ArticleNumberOnPage = n,
                        Kind = article.Kind,
                        Kicker = article.Kicker,
                        Headline = article.Headline,
                        Subheadline = article.Subheadline,
                        Byline = article.Byline,
                        Body = [.. article.Paragraphs],
                        Captions = [.. article.Images.Select(i => i.Caption).OfType<string>()],
                        Credits = [.. article.Images.Select(i => i.Credit).OfType<string>()],
                    };
                    var all = string.Join('\n', new[] { doc.Kicker, doc.Headline, doc.Subheadline, doc.Byline }.OfType<string>().Concat(doc.Body).Concat(doc.Captions).Concat(doc.Credits));
                    _articles.Add((doc, all));
                }
            }
        }

        Index.Index.IndexAsync(_articles.Select(a => a.Doc)).GetAwaiter().GetResult();
        Cases = BuildCases();
    }

    public static GeneratedArchive Instance => Shared.Value;

    internal TempIndex Index { get; } = new();

    public IReadOnlyList<RelevanceCase> Cases { get; }

    public IReadOnlyList<ArticleDocument> Articles => [.. _articles.Select(a => a.Doc)];

    public ArticleDocument Article(int id) => _articles[id - 1].Doc;

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private List<RelevanceCase> BuildCases()
    {
        var cases = new List<RelevanceCase>();
        var stories = _articles.Where(a => a.Doc.Kind == ArticleKind.Story).ToList();
        var chinese = stories.Where(a => Han().IsMatch(a.Doc.Headline)).ToList();
        var english = stories.Where(a => !Han().IsMatch(a.Doc.Headline)).ToList();

        // Headlines typed in full: the article itself first (others may share words, never the whole title).
        foreach (var (doc, _) in chinese.Where(a => Unique(a.Doc.Headline)).Take(12))
        {
            cases.Add(Case("headline", doc.Headline, doc.ArticleId));
        }

        // Two-character words printed in one article only: segmentation or bigrams must find them.
        foreach (var (doc, _) in chinese.Skip(12))
        {
            var word = Bigrams(doc.Headline).FirstOrDefault(Unique);
            if (word is not null && cases.Count(c => c.Kind == "two-character word") < 8)
            {
                cases.Add(Case("two-character word", word, doc.ArticleId));
            }
        }

        // Phrases in quotes, eight characters of a body that no other article prints.
        foreach (var (doc, _) in chinese.Where(a => a.Doc.Body.Count > 0).Skip(4))
        {
            var phrase = Windows(doc.Body[^1], 8).FirstOrDefault(w => Han().Matches(w).Count == 8 && Unique(w));
            if (phrase is not null && cases.Count(c => c.Kind == "phrase") < 8)
            {
                cases.Add(Case("phrase", $"\"{phrase}\"", doc.ArticleId));
            }
        }

        // Reporters: author:名字 puts one of their articles first; plain names find them too.
        var names = _articles
            .SelectMany(a => Reporters(a.Doc.Byline).Select(name => (Name: name, a.Doc.ArticleId)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Take(6)
            .ToList();
        foreach (var name in names)
        {
            cases.Add(Case("author", $"author:{name.Key}", [.. name.Select(x => x.ArticleId)]));
            var holders = _articles.Where(a => a.AllText.Contains(name.Key, StringComparison.Ordinal)).Select(a => a.Doc.ArticleId).ToArray();
            cases.Add(Case("name", name.Key, holders));
        }

        // Kickers and captions lead to their article.
        foreach (var (doc, _) in _articles.Where(a => a.Doc.Kicker is { Length: >= 6 } k && Unique(k.TrimEnd('—'))).Take(3))
        {
            cases.Add(Case("kicker", doc.Kicker!.TrimEnd('—'), doc.ArticleId));
        }

        foreach (var (doc, _) in _articles.Where(a => a.Doc.Captions.Count > 0 && Unique(a.Doc.Captions[0])).Take(3))
        {
            cases.Add(Case("caption", doc.Captions[0], doc.ArticleId));
        }

        // English: a headline, a word in another inflection, a misspelt word.
        foreach (var (doc, _) in english.Take(3))
        {
            cases.Add(Case("English headline", doc.Headline, doc.ArticleId));
        }

        foreach (var (doc, all) in english)
        {
            var word = LatinWords().Matches(all).Select(m => m.Value).FirstOrDefault(w => w.Length >= 8 && !w.EndsWith('s') && char.IsLower(w[0]) && UniqueWord(w));
            if (word is null || cases.Count(c => c.Kind == "misspelt English") >= 3)
            {
                continue;
            }

            cases.Add(Case("English inflection", word + "s", doc.ArticleId));
            cases.Add(Case("misspelt English", word.Remove(word.Length / 2, 1), doc.ArticleId) with { Approximate = true });
        }

        // Operators and filters over the same articles.
        var (a, b) = (cases.First(c => c.Kind == "two-character word"), cases.Last(c => c.Kind == "two-character word"));
        cases.Add(Case("OR", $"{a.Query.Text} OR {b.Query.Text}", [.. a.Expected, .. b.Expected]));
        var lead = chinese.First(x => Unique(x.Doc.Headline)).Doc;
        cases.Add(Case("AND", $"{lead.Headline} AND {Bigrams(lead.Headline).First()}", lead.ArticleId));
        var day = Editions[2].Date;
        var dated = chinese.First(x => x.Doc.Date == day && Unique(x.Doc.Headline)).Doc;
        cases.Add(new RelevanceCase("date range", new SearchQuery { Text = dated.Headline, From = day, To = day, PageSize = 100 }, [dated.ArticleId]));
        return cases;
    }

    private static RelevanceCase Case(string kind, string text, params int[] expected) =>
        new(kind, new SearchQuery { Text = text, PageSize = 100 }, expected);

    private bool Unique(string text) => _articles.Count(a => a.AllText.Contains(text, StringComparison.Ordinal)) == 1;

    private bool UniqueWord(string word) =>
        _articles.Count(a => Regex.IsMatch(a.AllText, $@"\b{Regex.Escape(word)}", RegexOptions.IgnoreCase)) == 1;

    private static IEnumerable<string> Bigrams(string text) =>
        Windows(text, 2).Where(w => Han().Matches(w).Count == 2);

    private static IEnumerable<string> Windows(string text, int size)
    {
        for (var i = 0; i + size <= text.Length; i++)
        {
            yield return text.Substring(i, size);
        }
    }

    /// <summary>"本报记者 王晓明 通讯员 李华" → 王晓明, 李华.</summary>
    private static IEnumerable<string> Reporters(string? byline) =>
        byline is null ? [] : ReporterNames().Matches(byline).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex LatinWords();

    [GeneratedRegex(@"(?:记者|通讯员)\s*(?<name>\p{IsCJKUnifiedIdeographs}{2,3})(?!\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex ReporterNames();
}
