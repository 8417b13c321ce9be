using Broadsheet.Search.Indexing;

namespace Broadsheet.Search.Querying;

/// <summary>Makes a <see cref="SearchHit"/> from a stored article: its snippet, the phrases it matched and their printed forms.</summary>
internal sealed class HitBuilder(PhraseMarker marker)
{
    public SearchHit Build(StoredArticle article, float score)
    {
        // Snippets come from what the reader reads below the headline; photo news has only captions.
        var snippetSource = string.Join('\n', article.Body.Concat(article.Captions));
        if (snippetSource.Length == 0)
        {
            snippetSource = article.Subheadline ?? article.Kicker ?? "";
        }

        string[] texts =
        [
            snippetSource,
            article.Headline,
            article.Kicker ?? "",
            article.Subheadline ?? "",
            article.Byline ?? "",
            string.Join('\n', article.Credits),
        ];
        var marks = marker.Mark(texts);
        var forms = new List<string>();
        foreach (var i in new[] { 1, 2, 3, 0, 4, 5 })
        {
            forms.AddRange(marks.Spans[i].Select(s => texts[i][s.Start..s.End].Trim()));
        }

        return new SearchHit
        {
            ArticleId = article.ArticleId,
            PublicationSlug = article.PublicationSlug,
            PublicationName = article.PublicationName,
            Date = article.Date,
            EditionNumber = article.EditionNumber,
            PageLabel = article.PageLabel,
            PageName = article.PageName,
            ArticleNumberOnPage = article.NumberOnPage,
            Headline = article.Headline,
            Kind = article.Kind,
            Score = score,
            Snippet = SnippetBuilder.Build(snippetSource, marks.Spans[0]),
            MatchedPhrases = marks.Phrases,
            MatchedForms = [.. forms.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)],
        };
    }
}
