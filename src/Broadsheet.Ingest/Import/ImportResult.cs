namespace Broadsheet.Ingest;

/// <summary>What an import did.</summary>
public sealed record ImportResult
{
    /// <summary>Database id of the new edition.</summary>
    public required int EditionId { get; init; }

    public required string PublicationSlug { get; init; }

    public required DateOnly Date { get; init; }

    public required int PageCount { get; init; }

    public required int ArticleCount { get; init; }

    /// <summary>True when an existing edition of that date was replaced.</summary>
    public bool Replaced { get; init; }

    /// <summary>Things a person should check, one line each, naming the page (e.g. a page without a text layer).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
