using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Tests.Import;

/// <summary>Page blobs no edition uses (left by a killed import or --replace) are deleted, never while an import runs.</summary>
public sealed class OrphanBlobSweepTests : IDisposable
{
    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Unused_page_pdfs_and_images_go_and_everything_an_edition_uses_stays()
    {
        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "binjiang" });
        var used = _f.Blobs.Keys.ToList();
        _f.Blobs.Seed("pdf/ab/abandoned.pdf", [1]);
        _f.Blobs.Seed("pages/ab/abandoned-2000/large.jpg", [2]);
        _f.Blobs.Seed("pages/ab/abandoned-2000/tiles/0,0,512,512/512,/0/default.jpg", [3]);
        _f.Blobs.Seed("cards/ab/made-on-demand.jpg", [4]);

        var deleted = await Sweep().SweepAsync();

        Assert.Equal(3, deleted);
        Assert.Equal([.. used.Append("cards/ab/made-on-demand.jpg").Order(StringComparer.Ordinal)], _f.Blobs.Keys);
    }

    [Fact]
    public async Task While_an_import_runs_nothing_is_looked_at()
    {
        _f.Blobs.Seed("pdf/ab/being-imported.pdf", [1]);
        using (StagingArea.Create(_f.Data.StagingPath))
        {
            Assert.Null(await Sweep().SweepAsync());
        }

        Assert.Contains("pdf/ab/being-imported.pdf", _f.Blobs.Keys);
    }

    [Fact]
    public async Task The_import_after_a_killed_one_takes_away_what_it_stored_and_never_saved()
    {
        // What a killed import leaves: its staging folder without a live lock, and the blobs it had stored.
        Directory.CreateDirectory(Path.Combine(_f.Data.StagingPath, "import-0123456789abcdef0123456789abcdef", "pages"));
        _f.Blobs.Seed("pdf/ab/killed.pdf", [1]);
        _f.Blobs.Seed("pages/ab/killed-2000/large.jpg", [2]);

        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "binjiang" });

        Assert.DoesNotContain(_f.Blobs.Keys, k => k.Contains("killed", StringComparison.Ordinal));
        // What the new import stored: per page the PDF, three images, a tile, the lines and the layout.
        Assert.Equal(3 * 7, _f.Blobs.Keys.Count);
        Assert.Empty(_f.StagingFiles);
    }

    private OrphanBlobSweep Sweep() => new(_f.Store, _f.Blobs, _f.Data);
}
