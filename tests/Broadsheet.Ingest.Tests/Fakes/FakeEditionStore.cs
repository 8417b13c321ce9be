using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;

namespace Broadsheet.Ingest.Tests.Fakes;

/// <summary>An in-memory edition store with the real one's rules: one edition per publication, date and number.</summary>
internal sealed class FakeEditionStore : IEditionStore
{
    private readonly object _gate = new();
    private readonly List<Publication> _publications = [];
    private readonly List<Edition> _editions = [];
    private int _nextEditionId = 1;

    /// <summary>When set, saving throws this (after the importer has stored its blobs).</summary>
    public Exception? FailOnSave { get; set; }

    public IReadOnlyList<Edition> Editions
    {
        get
        {
            lock (_gate)
            {
                return [.. _editions];
            }
        }
    }

    public Publication Add(string slug, string name = "Test Daily")
    {
        var publication = new Publication(slug, name);
        typeof(Publication).GetProperty(nameof(Publication.Id))!.SetValue(publication, _publications.Count + 1);
        lock (_gate)
        {
            _publications.Add(publication);
        }

        return publication;
    }

    /// <summary>When set, awaited before a publication is looked up, as a database's slow first query would be.</summary>
    public Func<Task>? BeforeLookUp { get; set; }

    public async Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (BeforeLookUp is { } wait)
        {
            await wait();
        }

        lock (_gate)
        {
            return _publications.Find(p => string.Equals(p.Slug, slug, StringComparison.Ordinal));
        }
    }

    public Task<Publication> AddPublicationAsync(Publication publication, CancellationToken cancellationToken = default) =>
        Task.FromResult(Add(publication.Slug, publication.Name));

    public Task<bool> EditionExistsAsync(int publicationId, DateOnly date, int number, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_editions.Exists(e => e.PublicationId == publicationId && e.Date == date && e.Number == number));
        }
    }

    public Task<IReadOnlyList<string>> SaveEditionAsync(Edition edition, bool replace, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (FailOnSave is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            var existing = _editions.Find(e => e.PublicationId == edition.PublicationId && e.Date == edition.Date && e.Number == edition.Number);
            var unused = new List<string>();
            if (existing is not null)
            {
                if (!replace)
                {
                    throw new DomainException($"The edition of {edition.Date:yyyy-MM-dd} already exists.");
                }

                // As the real store does: derivatives are reported as their prefix with a trailing '/'.
                static string?[] KeysOf(Page p) => [p.ImageKey, p.PdfKey, p.DerivativesKey is null ? null : p.DerivativesKey + "/"];
                var kept = edition.Pages.SelectMany(KeysOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
                unused.AddRange(existing.Pages.SelectMany(KeysOf).OfType<string>().Where(k => !kept.Contains(k)).Distinct(StringComparer.Ordinal));
                _editions.Remove(existing);
            }

            typeof(Edition).GetProperty(nameof(Edition.Id))!.SetValue(edition, _nextEditionId++);
            _editions.Add(edition);
            return Task.FromResult<IReadOnlyList<string>>(unused);
        }
    }

    public Task<IReadOnlySet<string>> BlobKeysInUseAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlySet<string> keys = _editions.SelectMany(e => e.Pages)
                .SelectMany(p => new[] { p.ImageKey, p.PdfKey, p.DerivativesKey is null ? null : p.DerivativesKey + "/" })
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(keys);
        }
    }
}
