using Lucene.Net.Util;

namespace Broadsheet.Search.Indexing;

/// <summary>
/// A searchable text group: a segmented field (when the group has one) and its bigram twin, both fed the same text.
/// </summary>
internal sealed record TextGroup(string? WordField, string BigramField);

/// <summary>Field names and constants of the index layout, in one place so writer and reader agree.</summary>
internal static class IndexSchema
{
    public const LuceneVersion MatchVersion = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Bumped whenever analysis or fields change in a way that needs a rebuild; stored in each commit so
    /// <see cref="SearchIndex.Check(string)"/> can report an outdated index.
    /// </summary>
    public const string SchemaVersion = "4";

    public const string SchemaVersionKey = "broadsheet.schema";

    /// <summary>Position gap between the values of a multi-valued field (paragraphs, captions).</summary>
    public const int ValueGap = 100;

    public const string Id = "id";
    public const string Publication = "pub";
    public const string PublicationValues = "pub_dv";
    public const string Date = "date";
    public const string DateValues = "date_dv";
    public const string Edition = "edition";
    public const string EditionDay = "edition_day";
    public const string PageName = "page_name";
    public const string PageNameValues = "page_name_dv";

    public const string StoredPublicationName = "s_pub_name";
    public const string StoredEditionNumber = "s_edition_no";
    public const string StoredPageLabel = "s_page_label";
    public const string StoredNumberOnPage = "s_n";
    public const string StoredKind = "s_kind";
    public const string StoredKicker = "s_kicker";
    public const string StoredHeadline = "s_headline";
    public const string StoredSubheadline = "s_sub";
    public const string StoredByline = "s_byline";
    public const string StoredBody = "s_body";
    public const string StoredCaption = "s_caption";
    public const string StoredCredit = "s_credit";

    /// <summary>Headline, kicker and subheadline: what <c>title:</c> searches.</summary>
    public static readonly TextGroup Title = new("title", "title_bi");

    /// <summary>
    /// Body paragraphs and photo captions, as bigrams only. Segmenting them with SmartCn was two thirds of a
    /// rebuild's CPU time; the headline, where a word match counts most, keeps its segmented field, and the
    /// relevance sets rank the same without the body's.
    /// </summary>
    public static readonly TextGroup Body = new(null, "body_bi");

    /// <summary>Byline and photo credits: what <c>author:</c> searches.</summary>
    public static readonly TextGroup Author = new("author", "author_bi");

    public static readonly IReadOnlyList<TextGroup> TextGroups = [Title, Body, Author];

    /// <summary>Dates are indexed as yyyyMMdd numbers: sortable, range-searchable, and cheap to split into year and month.</summary>
    public static int DateNumber(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public static DateOnly FromDateNumber(long number) =>
        new((int)(number / 10000), (int)(number / 100 % 100), (int)(number % 100));

    public static string EditionKey(string slug, DateOnly date, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{slug}/{date:yyyy-MM-dd}/{number}");

    public static string EditionDayKey(string slug, DateOnly date) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{slug}/{date:yyyy-MM-dd}");

    public static string IdKey(int articleId) => articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
