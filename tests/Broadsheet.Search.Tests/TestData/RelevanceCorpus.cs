using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Broadsheet.Core.Model;

namespace Broadsheet.Search.Tests.TestData;

/// <summary>The hand-written articles and queries of the relevance set (relevance-corpus.json, relevance-queries.json).</summary>
internal static class RelevanceCorpus
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<ArticleDocument> Articles() =>
        [.. Read<List<Row>>("relevance-corpus.json").Select(r => new ArticleDocument
        {
            ArticleId = r.Id,
            PublicationSlug = r.Pub,
            PublicationName = r.Pub == "gzfzb" ? "贵州法治报" : "The County Herald",
            Date = DateOnly.Parse(r.Date, CultureInfo.InvariantCulture),
            PageLabel = r.Page,
            PageName = r.PageName,
            ArticleNumberOnPage = r.N,
            Kind = (ArticleKind)r.Kind,
            Kicker = r.Kicker,
            Headline = r.Headline,
            Subheadline = r.Subheadline,
            Byline = r.Byline,
            Body = r.Body ?? [],
            Captions = r.Captions ?? [],
            Credits = r.Credits ?? [],
        })];

    public static IReadOnlyList<Expectation> Queries() => Read<List<Expectation>>("relevance-queries.json");

    private static T Read<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name)), Json)
        ?? throw new InvalidDataException($"{name} is empty.");

    internal sealed record Expectation(string Query, int[] Top, string Why);

    private sealed record Row(
        int Id, string Pub, string Date, string Page, string PageName, int N, int Kind, string? Kicker, string Headline,
        string? Subheadline, string? Byline, string[]? Body, string[]? Captions, string[]? Credits);
}
