using System.Globalization;

namespace Broadsheet.Bench.Search.Workload;

/// <summary>
/// The nearest SQLite FTS5 (trigram) equivalent of a query: a MATCH expression ranked by bm25, and/or a SQL
/// condition. Trigram MATCH cannot find anything shorter than three characters, so two-character Chinese words and
/// names fall back to <c>LIKE '%…%'</c>, which FTS5 cannot serve from its index and answers by scanning every row.
/// </summary>
/// <param name="Match">The FTS5 query, or null when the query has to be answered by <see cref="Where"/> alone.</param>
/// <param name="Where">An extra SQL condition on the table's columns, or null.</param>
internal sealed record PeerQuery(string? Match, string? Where = null)
{
    private static readonly string[] TextColumns = ["title", "body", "author"];

    /// <summary>Whether FTS5 answers it from its index (a MATCH), rather than by a full scan.</summary>
    public bool UsesIndex => Match is not null;

    /// <summary>Any text column contains <paramref name="text"/> (a LIKE scan; case-insensitive for ASCII only).</summary>
    public static string Like(string text) =>
        "(" + string.Join(" OR ", TextColumns.Select(c => $"{c} LIKE '%{Escape(text)}%'")) + ")";

    /// <summary>The edition date between two days, inclusive.</summary>
    public static string DateBetween(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"date BETWEEN {DateKey(from)} AND {DateKey(to)}");

    public static string PageIs(string pageName) => $"page_name = '{Escape(pageName)}'";

    public static int DateKey(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public override string ToString() => (Match, Where) switch
    {
        (not null, not null) => $"MATCH '{Match}' AND {Where}",
        (not null, null) => $"MATCH '{Match}'",
        _ => Where ?? "",
    };

    private static string Escape(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
