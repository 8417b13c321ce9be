using System.Globalization;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Archives.Sites;

/// <summary>Where a migration is: editions done of all, and a line when one is finished, skipped or refused.</summary>
/// <param name="Done">Editions imported, skipped or refused so far.</param>
/// <param name="Total">Editions the mirror holds.</param>
/// <param name="Line">What happened to the edition just finished, or null while one is under way.</param>
/// <param name="Edition">The edition's import job's own progress, while one is under way.</param>
public sealed record SiteProgress(int Done, int Total, string? Line, ImportProgress? Edition = null);

/// <summary>What a migration did. <see cref="Refused"/> holds one line per edition left out, naming the file at fault.</summary>
public sealed record SiteResult(int Imported, int Skipped, int Pages, int Articles, int Links, IReadOnlyList<string> Refused, IReadOnlyList<string> Warnings);

/// <summary>
/// <c>broadsheet migrate-site</c>: every edition of an old Founder-style e-paper site saved by <c>wget -m</c>, each
/// through the one import job with the site's own articles (hotspots as regions, text from the article pages), and a
/// table of old addresses to permalinks (<see cref="IOldLinks"/>) the reader answers with 301s. Each edition is
/// all-or-nothing: one that is refused changes nothing and the others go on. Editions already in are skipped, so a
/// run killed halfway finishes on a rerun; an edition whose links a killed run did not write gets them then.
/// </summary>
public sealed class SiteMigrator(EditionImporter importer, IEditionStore store, IOldLinks oldLinks, DataFolder folder)
{
    /// <exception cref="ImportException">The publication or the folder is not there, or the mirror holds two papers.</exception>
    public async Task<SiteResult> MigrateAsync(string mirrorFolder, string publicationSlug, IProgress<SiteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mirrorFolder);
        var publication = await store.FindPublicationAsync(publicationSlug, cancellationToken)
            ?? throw new ImportException($"no publication '{publicationSlug}'; create it first (broadsheet publication add {publicationSlug} --name …)");
        var mirror = SiteMirror.Open(mirrorFolder);
        var editions = await Task.Run(() => SiteEdition.Find(mirror, cancellationToken), cancellationToken);
        var (imported, skipped, pages, articles, links) = (0, 0, 0, 0, 0);
        var refused = new List<string>();
        var warnings = new List<string>();
        for (var i = 0; i < editions.Count; i++)
        {
            var edition = editions[i];
            var day = edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            try
            {
                if (await store.EditionExistsAsync(publication.Id, edition.Date, 1, cancellationToken))
                {
                    skipped++;
                    var late = await oldLinks.CountAsync(publication.Id, edition.Date, cancellationToken) == 0
                        ? await SaveLinksAsync(publication, mirror, SitePackage.Read(mirror, edition), cancellationToken)
                        : 0;
                    links += late;
                    progress?.Report(new(i + 1, editions.Count, late > 0 ? $"{day}: already in, skipped; {late} old links written" : $"{day}: already in, skipped"));
                    continue;
                }

                var package = SitePackage.Read(mirror, edition);
                ImportResult result;
                using (var staging = StagingArea.Create(folder.StagingPath))
                {
                    var source = package.Stage(mirror, staging.Path, cancellationToken);
                    var editionProgress = progress is null ? null : new Forward(p => progress.Report(new(i, editions.Count, null, p)));
                    result = await importer.ImportAsync(new ImportRequest { SourcePath = source, PublicationSlug = publicationSlug, Date = edition.Date }, editionProgress, cancellationToken);
                }

                var written = await SaveLinksAsync(publication, mirror, package, cancellationToken);
                imported++;
                pages += result.PageCount;
                articles += result.ArticleCount;
                links += written;
                warnings.AddRange(result.Warnings.Select(w => $"{mirror.Name(edition.Folder)}: {w}"));
                progress?.Report(new(i + 1, editions.Count, string.Create(CultureInfo.InvariantCulture,
                    $"{day}: {result.PageCount} pages, {result.ArticleCount} articles, {written} old links")));
            }
            catch (Exception ex) when (ex is ImportException or DomainException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                var line = ex.Message.StartsWith(mirror.Name(edition.Folder), StringComparison.Ordinal) ? ex.Message : $"{mirror.Name(edition.Folder)}: {ex.Message}";
                refused.Add(line);
                progress?.Report(new(i + 1, editions.Count, $"{day}: refused, nothing changed: {line}"));
            }
        }

        return new SiteResult(imported, skipped, pages, articles, links, refused, warnings);
    }

    private async Task<int> SaveLinksAsync(Publication publication, SiteMirror mirror, SitePackage package, CancellationToken cancellationToken)
    {
        var date = package.Edition.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = $"/{publication.Slug}/{date}/";
        var links = package.Links(mirror)
            .Select(l => new OldLink(publication.Id, package.Edition.Date, l.OldPath, l.Kind switch
            {
                SiteLinkKind.Article => string.Create(CultureInfo.InvariantCulture, $"{page}{l.Label}/{l.N}"),
                SiteLinkKind.PagePdf => page + l.Label + OldLink.PagePdfSuffix,
                SiteLinkKind.PageImage => page + l.Label + OldLink.PageImageSuffix,
                _ => page + l.Label,
            }))
            .ToList();
        await oldLinks.ReplaceAsync(publication.Id, package.Edition.Date, links, cancellationToken);
        return links.Count;
    }

    private sealed class Forward(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
