using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Tests.Fakes;

/// <summary>Old links in memory, with the real store's rule: one path leads to one place, the last migration's.</summary>
internal sealed class FakeOldLinks : IOldLinks
{
    private readonly Lock _gate = new();
    private readonly List<OldLink> _links = [];

    public IReadOnlyList<OldLink> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _links];
            }
        }
    }

    public void Forget(DateOnly date)
    {
        lock (_gate)
        {
            _links.RemoveAll(l => l.Date == date);
        }
    }

    public Task ReplaceAsync(int publicationId, DateOnly date, IReadOnlyList<OldLink> links, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var paths = links.Select(l => l.Path).ToHashSet(StringComparer.Ordinal);
            _links.RemoveAll(l => (l.PublicationId == publicationId && l.Date == date) || paths.Contains(l.Path));
            _links.AddRange(links.DistinctBy(l => l.Path, StringComparer.Ordinal));
        }

        return Task.CompletedTask;
    }

    public Task<int> CountAsync(int publicationId, DateOnly date, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_links.Count(l => l.PublicationId == publicationId && l.Date == date));
        }
    }

    public Task<string?> FindAsync(string path, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_links.Find(l => l.Path == path)?.Target);
        }
    }
}
