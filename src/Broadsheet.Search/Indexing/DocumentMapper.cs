using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Broadsheet.Search.Indexing;

/// <summary>Turns an <see cref="ArticleDocument"/> into the Lucene document of <see cref="IndexSchema"/>.</summary>
internal static class DocumentMapper
{
    public static Document ToDocument(ArticleDocument article)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(article.PublicationSlug);
        ArgumentException.ThrowIfNullOrWhiteSpace(article.PageLabel);

        var doc = new Document
        {
            new StringField(IndexSchema.Id, IndexSchema.IdKey(article.ArticleId), Field.Store.YES),
            new StringField(IndexSchema.Publication, article.PublicationSlug, Field.Store.YES),
            new SortedDocValuesField(IndexSchema.PublicationValues, new BytesRef(article.PublicationSlug)),
            new Int32Field(IndexSchema.Date, IndexSchema.DateNumber(article.Date), Field.Store.YES),
            new NumericDocValuesField(IndexSchema.DateValues, IndexSchema.DateNumber(article.Date)),
            new StringField(IndexSchema.Edition, IndexSchema.EditionKey(article.PublicationSlug, article.Date, article.EditionNumber), Field.Store.NO),
            new StringField(IndexSchema.EditionDay, IndexSchema.EditionDayKey(article.PublicationSlug, article.Date), Field.Store.NO),
            new StringField(IndexSchema.PageName, article.PageName ?? "", Field.Store.YES),
            new SortedDocValuesField(IndexSchema.PageNameValues, new BytesRef(article.PageName ?? "")),
            new StoredField(IndexSchema.StoredPublicationName, article.PublicationName ?? ""),
            new StoredField(IndexSchema.StoredEditionNumber, article.EditionNumber),
            new StoredField(IndexSchema.StoredPageLabel, article.PageLabel),
            new StoredField(IndexSchema.StoredNumberOnPage, article.ArticleNumberOnPage),
            new StoredField(IndexSchema.StoredKind, (int)article.Kind),
            new StoredField(IndexSchema.StoredHeadline, article.Headline ?? ""),
        };

        AddStored(doc, IndexSchema.StoredKicker, article.Kicker);
        AddStored(doc, IndexSchema.StoredSubheadline, article.Subheadline);
        AddStored(doc, IndexSchema.StoredByline, article.Byline);
        AddStored(doc, IndexSchema.StoredBody, article.Body);
        AddStored(doc, IndexSchema.StoredCaption, article.Captions);
        AddStored(doc, IndexSchema.StoredCredit, article.Credits);

        AddText(doc, IndexSchema.Title, [article.Headline, article.Kicker, article.Subheadline]);
        AddText(doc, IndexSchema.Body, [.. article.Body, .. article.Captions]);
        AddText(doc, IndexSchema.Author, [article.Byline, .. article.Credits]);
        return doc;
    }

    /// <summary>Reads back what a hit shows; the inverse of the stored half of <see cref="ToDocument"/>.</summary>
    public static StoredArticle FromDocument(Document doc) => new(
        ArticleId: int.Parse(doc.Get(IndexSchema.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        PublicationSlug: doc.Get(IndexSchema.Publication, CultureInfo.InvariantCulture) ?? "",
        PublicationName: doc.Get(IndexSchema.StoredPublicationName, CultureInfo.InvariantCulture) ?? "",
        Date: IndexSchema.FromDateNumber(doc.GetField(IndexSchema.Date)?.GetInt32Value() ?? 10101),
        EditionNumber: doc.GetField(IndexSchema.StoredEditionNumber)?.GetInt32Value() ?? 1,
        PageLabel: doc.Get(IndexSchema.StoredPageLabel, CultureInfo.InvariantCulture) ?? "",
        PageName: doc.Get(IndexSchema.PageName, CultureInfo.InvariantCulture) ?? "",
        NumberOnPage: doc.GetField(IndexSchema.StoredNumberOnPage)?.GetInt32Value() ?? 1,
        Kind: (Broadsheet.Core.Model.ArticleKind)(doc.GetField(IndexSchema.StoredKind)?.GetInt32Value() ?? 0),
        Kicker: doc.Get(IndexSchema.StoredKicker, CultureInfo.InvariantCulture),
        Headline: doc.Get(IndexSchema.StoredHeadline, CultureInfo.InvariantCulture) ?? "",
        Subheadline: doc.Get(IndexSchema.StoredSubheadline, CultureInfo.InvariantCulture),
        Byline: doc.Get(IndexSchema.StoredByline, CultureInfo.InvariantCulture),
        Body: doc.GetValues(IndexSchema.StoredBody, CultureInfo.InvariantCulture),
        Captions: doc.GetValues(IndexSchema.StoredCaption, CultureInfo.InvariantCulture),
        Credits: doc.GetValues(IndexSchema.StoredCredit, CultureInfo.InvariantCulture));

    private static void AddStored(Document doc, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            doc.Add(new StoredField(field, value));
        }
    }

    private static void AddStored(Document doc, string field, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            AddStored(doc, field, value);
        }
    }

    private static void AddText(Document doc, TextGroup group, IEnumerable<string?> values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                if (group.WordField is not null)
                {
                    doc.Add(new TextField(group.WordField, value, Field.Store.NO));
                }

                doc.Add(new TextField(group.BigramField, value, Field.Store.NO));
            }
        }
    }
}

/// <summary>The stored part of an indexed article: what hits, snippets and marks are made from.</summary>
internal sealed record StoredArticle(
    int ArticleId,
    string PublicationSlug,
    string PublicationName,
    DateOnly Date,
    int EditionNumber,
    string PageLabel,
    string PageName,
    int NumberOnPage,
    Broadsheet.Core.Model.ArticleKind Kind,
    string? Kicker,
    string Headline,
    string? Subheadline,
    string? Byline,
    IReadOnlyList<string> Body,
    IReadOnlyList<string> Captions,
    IReadOnlyList<string> Credits);
