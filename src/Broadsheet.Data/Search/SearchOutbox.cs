using Broadsheet.Core.Model;

namespace Broadsheet.Data.Search;

/// <summary>The one place a search outbox row is made: every save of an edition adds one in its own transaction.</summary>
internal static class SearchOutbox
{
    public static void Note(BroadsheetDbContext db, Edition edition, DateTimeOffset at) =>
        db.SearchOutbox.Add(new SearchOutboxEntry
        {
            PublicationSlug = edition.Publication.Slug,
            Date = edition.Date,
            Number = edition.Number,
            ChangedAt = at,
        });
}
