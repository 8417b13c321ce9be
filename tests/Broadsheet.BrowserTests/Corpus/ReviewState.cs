using System.Text.Json;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Corpus;

/// <summary>A printed line as the review page draws it: its text, box, block, and the article that holds it (and as what).</summary>
internal sealed record PageLine(int Index, string Text, double Left, double Top, double Right, double Bottom, int Block, string? Article, string? Field);

/// <summary>An article as the review page lists it.</summary>
internal sealed record ListedArticle(string Id, int Number, string Headline, string Kind);

/// <summary>An item of the review page's doubt list.</summary>
/// <param name="CanYield">Whether the item offers “重叠部分让给…” (an overlap's fix in one click).</param>
internal sealed record ListedDoubt(string Key, string Kind, string? Article, string Text, string? Box, bool CanYield);

/// <summary>A photo as the review page draws it.</summary>
internal sealed record PagePhoto(int Id, string Article, string? Caption, string Box);

/// <summary>What an editor sees on the review page: its lines coloured by article, its photos, its article list and its doubts.</summary>
internal sealed class ReviewState
{
    private ReviewState(IReadOnlyList<PageLine> lines, IReadOnlyList<PagePhoto> photos, IReadOnlyList<ListedArticle> articles, IReadOnlyList<ListedDoubt> doubts)
    {
        Lines = lines;
        Photos = photos;
        Articles = articles;
        Doubts = doubts;
    }

    public IReadOnlyList<PageLine> Lines { get; }

    public IReadOnlyList<PagePhoto> Photos { get; }

    public IReadOnlyList<ListedArticle> Articles { get; }

    public IReadOnlyList<ListedDoubt> Doubts { get; }

    public static async Task<ReviewState> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => ({
                data: JSON.parse(document.getElementById('review-data').textContent),
                articles: [...document.querySelectorAll('.review-articles li[data-article]')].map(li => ({
                    id: li.dataset.article, number: Number(li.dataset.number), headline: li.querySelector('.title').textContent.trim(),
                    kind: li.querySelector('.kind').className })),
                doubts: [...document.querySelectorAll('.doubt-list li')].map(li => {
                    const go = li.querySelector('.doubt-go');
                    return { key: li.dataset.key, kind: go.dataset.kind, article: go.dataset.article ?? null, text: go.textContent.trim().replace(/\s+/g, ' '), box: go.dataset.box ?? null, yield: li.querySelector('.doubt-fix') !== null };
                }),
            })
            """);
        var data = json.GetProperty("data");
        var lines = data.GetProperty("lines").EnumerateArray().Select((l, i) => new PageLine(
            i,
            l.GetProperty("t").GetString()!,
            l.GetProperty("l").GetDouble(),
            l.GetProperty("y").GetDouble(),
            l.GetProperty("r").GetDouble(),
            l.GetProperty("b").GetDouble(),
            l.GetProperty("k").GetInt32(),
            l.TryGetProperty("a", out var a) ? a.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            l.TryGetProperty("f", out var f) ? f.GetString() : null)).ToList();
        var photos = data.GetProperty("photos").EnumerateArray().Select(p => new PagePhoto(
            p.GetProperty("id").GetInt32(),
            p.GetProperty("article").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            p.TryGetProperty("caption", out var c) ? c.GetString() : null,
            BoxOf(p.GetProperty("points")))).ToList();
        var articles = json.GetProperty("articles").EnumerateArray().Select(a => new ListedArticle(
            a.GetProperty("id").GetString()!, a.GetProperty("number").GetInt32(), a.GetProperty("headline").GetString()!, a.GetProperty("kind").GetString()!)).ToList();
        var doubts = json.GetProperty("doubts").EnumerateArray().Select(d => new ListedDoubt(
            d.GetProperty("key").GetString()!,
            d.GetProperty("kind").GetString()!,
            d.GetProperty("article").ValueKind == JsonValueKind.String ? d.GetProperty("article").GetString() : null,
            d.GetProperty("text").GetString()!,
            d.GetProperty("box").ValueKind == JsonValueKind.String ? d.GetProperty("box").GetString() : null,
            d.GetProperty("yield").GetBoolean())).ToList();
        return new ReviewState(lines, photos, articles, doubts);
    }

    /// <summary>A polygon's bounds as the doubt list writes a box: "l,t,r,b".</summary>
    private static string BoxOf(JsonElement points)
    {
        var xs = points.EnumerateArray().Select(p => p[0].GetDouble()).ToList();
        var ys = points.EnumerateArray().Select(p => p[1].GetDouble()).ToList();
        return string.Join(',', new[] { xs.Min(), ys.Min(), xs.Max(), ys.Max() }.Select(v => v.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The text an article holds on this page, as its lines show it (headline included), white space removed.</summary>
    public string TextOf(string article) =>
        TruthScore.Norm(string.Concat(Lines.Where(l => l.Article == article).Select(l => l.Text))) + TruthScore.Norm(Articles.First(a => a.Id == article).Headline)
        + string.Concat(Photos.Where(p => p.Article == article).Select(p => TruthScore.Norm(p.Caption)));

    public IReadOnlyList<PageLine> BlockLines(int block) => [.. Lines.Where(l => l.Block == block)];

    /// <summary>The lines that print <paramref name="phrase"/> (which may run over a line's end), or none.</summary>
    public IReadOnlyList<PageLine> LinesOf(string phrase)
    {
        var wanted = TruthScore.Norm(phrase);
        foreach (var block in Lines.GroupBy(l => l.Block))
        {
            var text = "";
            var owners = new List<PageLine>();
            foreach (var line in block)
            {
                var normal = TruthScore.Norm(line.Text);
                owners.AddRange(Enumerable.Repeat(line, normal.Length));
                text += normal;
            }

            var at = text.IndexOf(wanted, StringComparison.Ordinal);
            if (at >= 0)
            {
                return [.. owners.Skip(at).Take(wanted.Length).Distinct()];
            }
        }

        return [];
    }
}
