using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/audit</c>: who did what and when, newest first, 100 at a time.</summary>
internal sealed class AuditModel(IAuditLog log, IPublicationSettings publications) : PageModel
{
    private Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);
    private TimeZoneInfo? _common;

    private const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public string? UserFilter { get; private set; }

    public string? Publication { get; private set; }

    /// <summary>The id to continue from for the next (older) page, when there is one.</summary>
    public long? Older { get; private set; }

    public async Task OnGetAsync(string? user, string? publication, long? before, CancellationToken cancellationToken)
    {
        UserFilter = string.IsNullOrWhiteSpace(user) ? null : user.Trim();
        Publication = string.IsNullOrWhiteSpace(publication) ? null : publication.Trim();
        var rows = await log.ReadAsync(new AuditQuery(UserFilter, Publication, before), PageSize + 1, cancellationToken);
        Entries = [.. rows.Take(PageSize)];
        Older = rows.Count > PageSize ? Entries[^1].Id : null;
        var all = await publications.AllAsync(cancellationToken);
        _zones = all.ToDictionary(p => p.Slug, p => TimeZoneInfo.FindSystemTimeZoneById(p.TimeZoneId), StringComparer.Ordinal);
        // A sign-in belongs to no paper; where every paper keeps one time zone, that is the desk's too.
        var zones = _zones.Values.DistinctBy(z => z.Id).ToList();
        _common = zones.Count == 1 ? zones[0] : null;
    }

    /// <summary>When an entry happened, in its paper's time zone (or the desk's), with the zone's offset when it is not the desk's own.</summary>
    public string When(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var zone = entry.PublicationSlug is { } slug && _zones.TryGetValue(slug, out var own) ? own : _common;
        if (zone is null)
        {
            return entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        }

        var local = TimeZoneInfo.ConvertTime(entry.At, zone);
        var suffix = _common is not null && zone.Id == _common.Id ? "" : " (UTC" + local.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture) + ")";
        return local.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>The time zone the column's times are in, when it is one for all.</summary>
    public string ZoneNote => _common is { } zone ? zone.Id : "各报纸所在时区";
}
