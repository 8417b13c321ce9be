using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Published;

/// <summary>How many editions a publication has published and the newest of them: changes whenever one is added, replaced or withdrawn.</summary>
internal sealed record PublicationStamp(int Count, int NewestId, DateTimeOffset NewestAt);

/// <summary>An edition row as the reader cache's poller sees it; any change in it means readers must see new pages.</summary>
internal sealed record EditionStampRow(
    string Slug, DateOnly Date, int Number, int Id, EditionStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset CreatedAt, DateTimeOffset? ChangedAt);

/// <summary>
/// The validators of every reader page of an edition: an entity tag over the edition's identity and times, its
/// publication's stamp (the 上一期/下一期 links change when an edition is added) and the application build
/// (the markup changes with it), and the time it last changed.
/// </summary>
internal sealed record EditionStamp(string ETag, DateTimeOffset LastModified)
{
    private static readonly string Build = typeof(EditionStamp).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static EditionStamp Of(Edition edition, PublicationStamp publication)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(publication);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{edition.Id}|{edition.CreatedAt.UtcTicks}|{edition.PublishedAt?.UtcTicks}|{edition.ChangedAt?.UtcTicks}|{publication.Count}|{publication.NewestId}|{publication.NewestAt.UtcTicks}|{Build}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
        var changed = new[] { edition.CreatedAt, edition.PublishedAt ?? edition.CreatedAt, edition.ChangedAt ?? edition.CreatedAt, publication.NewestAt }.Max();
        // HTTP dates have whole seconds; a validator finer than that would never compare equal.
        var seconds = DateTimeOffset.FromUnixTimeSeconds(changed.ToUnixTimeSeconds());
        return new EditionStamp($"\"{hash}\"", seconds);
    }
}

/// <summary>The published editions of one month of a publication, and the publication's first and last edition dates.</summary>
internal sealed record MonthOfEditions(int Year, int Month, IReadOnlyList<EditionListing> Editions, DateOnly? First, DateOnly? Last);
