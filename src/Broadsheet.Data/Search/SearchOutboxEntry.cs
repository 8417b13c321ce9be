namespace Broadsheet.Data.Search;

/// <summary>A row of the search outbox: one edition changed and the index has not caught up with it yet.</summary>
internal sealed class SearchOutboxEntry
{
    public long Id { get; set; }

    public required string PublicationSlug { get; set; }

    public DateOnly Date { get; set; }

    public int Number { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
