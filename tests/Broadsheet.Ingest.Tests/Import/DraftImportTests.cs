using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Tests.Import;

public sealed class DraftImportTests : IDisposable
{
    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_publication_whose_imports_wait_for_the_desk_gets_a_draft_that_readers_do_not_see()
    {
        var publication = await _f.Store.FindPublicationAsync("binjiang");
        publication!.ImportAsDraft = true;

        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "binjiang" });

        var edition = Assert.Single(_f.Store.Editions);
        Assert.Equal(EditionStatus.Draft, edition.Status);
        Assert.False(edition.IsVisibleToReaders);
        Assert.Null(edition.PublishedAt);
        Assert.Equal(4, edition.Articles.Count);
    }
}
