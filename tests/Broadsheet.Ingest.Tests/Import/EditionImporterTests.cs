using System.IO.Compression;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Import;

public sealed class EditionImporterTests : IDisposable
{
    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_folder_becomes_a_published_edition_with_pages_articles_and_blobs()
    {
        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "binjiang" });

        Assert.Equal((new DateOnly(2026, 11, 2), 3, 4, false), (result.Date, result.PageCount, result.ArticleCount, result.Replaced));
        var edition = Assert.Single(_f.Store.Editions);
        Assert.Equal(result.EditionId, edition.Id);
        Assert.Equal(EditionStatus.Published, edition.Status);
        Assert.Equal(ImporterFixture.Now, edition.PublishedAt);
        Assert.Equal(["01", "02", "03"], edition.Pages.Select(p => p.Label));
        Assert.Equal(["Front", "City", "Life"], edition.Pages.Select(p => p.Name));
        Assert.All(edition.Pages, p =>
        {
            Assert.Matches("^pages/[0-9a-f]{2}/[0-9a-f]{64}-2000/large\\.jpg$", p.ImageKey);
            Assert.Matches("^pdf/[0-9a-f]{2}/[0-9a-f]{64}\\.pdf$", p.PdfKey);
            // Images are named after the page's PDF and the width they were drawn at.
            Assert.Equal(p.PdfKey!.Replace("pdf/", "pages/", StringComparison.Ordinal)[..^4] + "-2000", p.DerivativesKey);
            Assert.Equal(p.DerivativesKey + "/large.jpg", p.ImageKey);
            Assert.Contains(p.DerivativesKey + "/thumb.jpg", _f.Blobs.Keys);
            Assert.Contains(p.DerivativesKey + "/tiles/info.json", _f.Blobs.Keys);
            Assert.Contains(p.DerivativesKey + "/lines.json", _f.Blobs.Keys);
            Assert.Contains(p.DerivativesKey + "/layout.json", _f.Blobs.Keys);
            Assert.Equal(2000, p.ImageWidth);
            Assert.Equal(595, p.WidthPt, 1);
            Assert.Null(p.ReviewNote);
        });
        // Per page: the PDF, three images, a tile, the articles' lines and the page's layout.
        Assert.Equal(3 * 7, _f.Blobs.Keys.Count);
        Assert.Equal(
            ["Council approves the budget", "Bridge reopens after repairs", "Schools add evening classes", "Harbour festival draws crowds"],
            edition.Articles.Select(a => a.Headline));
        var lead = edition.Articles[0];
        Assert.Equal("By Jane Smith", lead.Byline);
        Assert.StartsWith("Council line 1 of the story text here.", lead.Paragraphs[0], StringComparison.Ordinal);
        Assert.Same(edition.Pages[0], Assert.Single(lead.Regions).Page);
        Assert.Same(edition.Pages[2], Assert.Single(edition.Articles[3].Regions).Page);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_zip_imports_the_same_way_and_its_date_comes_from_its_name()
    {
        var folder = _f.Package("pages");
        var zip = _f.PathOf("binjiang-20261103.zip");
        ZipFile.CreateFromDirectory(folder, zip);

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = zip, PublicationSlug = "binjiang" });

        Assert.Equal(new DateOnly(2026, 11, 3), result.Date);
        Assert.Equal(3, result.PageCount);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task Progress_names_each_page_and_stage()
    {
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress<ImportProgress>(reports.Add);

        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "binjiang" }, progress);

        foreach (var label in new[] { "01", "02", "03" })
        {
            foreach (var stage in new[] { ImportStage.Validating, ImportStage.Rasterising, ImportStage.ReadingText, ImportStage.Detecting, ImportStage.Storing })
            {
                Assert.Contains(reports, r => r.PageLabel == label && r.Stage == stage);
            }
        }

        Assert.Equal(ImportStage.Unpacking, reports[0].Stage);
        Assert.Equal(new ImportProgress(ImportStage.Saving, null, 3, 3), reports[^2]);
        Assert.Equal(new ImportProgress(ImportStage.Done, null, 3, 3), reports[^1]);
    }

    [Fact]
    public async Task Without_a_date_in_the_request_or_the_name_the_import_stops()
    {
        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package("input"), PublicationSlug = "binjiang" }));

        Assert.Equal("input/: no edition date in the name; name the package like 2026-11-02 or give the date", ex.Message);
    }

    [Fact]
    public async Task An_unknown_publication_is_named()
    {
        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "nowhere" }));

        Assert.StartsWith("no publication 'nowhere'; create it", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_f.Blobs.Keys);
    }

    [Fact]
    public async Task An_unknown_publication_leaves_no_staging_files_from_the_zip_unpacked_meanwhile()
    {
        var zip = _f.PathOf("2026-11-02.zip");
        ZipFile.CreateFromDirectory(_f.Package("pages"), zip);

        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = zip, PublicationSlug = "nowhere" }));

        Assert.StartsWith("no publication 'nowhere'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task The_zip_is_unpacked_while_the_database_looks_up_the_publication()
    {
        var zip = _f.PathOf("2026-11-02.zip");
        ZipFile.CreateFromDirectory(_f.Package("pages"), zip);
        var unpackedDuringLookUp = false;
        _f.Store.BeforeLookUp = async () =>
        {
            // A slow first query: the import should not wait for it before unpacking.
            var giveUp = DateTime.UtcNow.AddSeconds(10);
            while (!unpackedDuringLookUp && DateTime.UtcNow < giveUp)
            {
                await Task.Delay(10);
                // Three pages unpacked, and perhaps their checked copies already beside them (checks start as soon as
                // the package is unpacked).
                unpackedDuringLookUp = _f.StagingFiles.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)) >= 3;
            }
        };

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = zip, PublicationSlug = "binjiang" });

        Assert.True(unpackedDuringLookUp);
        Assert.Equal(3, result.PageCount);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task An_existing_edition_is_kept_unless_replace_is_asked_for()
    {
        var package = _f.Package();
        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });
        var before = _f.Blobs.Keys;

        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.Equal(new EditionExists("binjiang", new DateOnly(2026, 11, 2), 1), ex.Problem);
        Assert.Equal("the edition of 2026-11-02 of binjiang already exists", ex.Message);
        Assert.Equal(before, _f.Blobs.Keys);
        Assert.Equal(0 + 3, _f.Rasterizer.Calls);
    }

    [Fact]
    public async Task Replacing_an_edition_deletes_the_blobs_only_the_old_one_used()
    {
        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "binjiang" });
        var oldFront = _f.Store.Editions[0].Pages[0];
        var corrected = _f.Package("2026-11-02-corrected", frontHeadline: "Council approves a smaller budget");

        var result = await _f.Importer.ImportAsync(new ImportRequest
        {
            SourcePath = corrected, PublicationSlug = "binjiang", Date = new DateOnly(2026, 11, 2), Replace = true,
        });

        Assert.True(result.Replaced);
        var edition = Assert.Single(_f.Store.Editions);
        Assert.Equal("Council approves a smaller budget", edition.Articles[0].Headline);
        Assert.DoesNotContain(oldFront.PdfKey, _f.Blobs.Keys);
        Assert.DoesNotContain(oldFront.ImageKey, _f.Blobs.Keys);
        Assert.DoesNotContain(_f.Blobs.Keys, k => k.StartsWith(oldFront.DerivativesKey + "/", StringComparison.Ordinal));
        // Per page: the PDF, three images, a tile, the articles' lines and the page's layout.
        Assert.Equal(3 * 7, _f.Blobs.Keys.Count);
    }

    [Fact]
    public async Task A_bad_page_stops_the_import_before_anything_is_rendered_or_stored()
    {
        var package = _f.Package();
        File.WriteAllBytes(Path.Combine(package, "02-City.pdf"), [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);

        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.Equal("02-City.pdf: not a PDF (it starts with \"\\x89PNG\")", ex.Message);
        Assert.Equal(0, _f.Rasterizer.Calls);
        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.Store.Editions);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task Several_bad_pages_report_the_first_and_count_the_rest()
    {
        var package = _f.Package();
        File.WriteAllText(Path.Combine(package, "02-City.pdf"), "hello");
        File.WriteAllText(Path.Combine(package, "03-Life.pdf"), "hello");

        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        Assert.Equal("02-City.pdf: not a PDF (it starts with \"hell\") (and 1 more file has problems)", ex.Message);
    }

    [Fact]
    public async Task A_failure_half_way_leaves_the_stores_as_they_were_and_no_staging_files()
    {
        // An earlier edition shares no pages with this one; its blobs must survive the failed import.
        await _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package("2026-11-01", "Yesterday's news"), PublicationSlug = "binjiang" });
        var blobsBefore = _f.Blobs.Keys;
        _f.Rasterizer.FailOnCall = _f.Rasterizer.Calls + 3;

        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package("2026-11-02", "Today's news"), PublicationSlug = "binjiang" }));

        Assert.Matches("^0[1-3]-[A-Za-z]+\\.pdf: the page could not be rendered \\(mutool draw exited with code 1\\)$", ex.Message);
        Assert.Equal(blobsBefore, _f.Blobs.Keys);
        Assert.Single(_f.Store.Editions);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_page_whose_content_cannot_be_read_fails_the_import_naming_the_file()
    {
        var package = _f.Package();
        File.Copy(Fixtures.Path("content-stream-missing.pdf"), Path.Combine(package, "02-City.pdf"), overwrite: true);

        var ex = await Assert.ThrowsAsync<ImportException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" }));

        // The sanitiser meets the missing stream first, before anything reads the page's text.
        Assert.Equal("02-City.pdf: the PDF is truncated or corrupt (the page's content stream is missing)", ex.Message);
        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.Store.Editions);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_failure_to_save_takes_back_the_blobs_the_import_added()
    {
        _f.Store.FailOnSave = new TimeoutException("database is locked");

        await Assert.ThrowsAsync<TimeoutException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "binjiang" }));

        Assert.Equal(3, _f.Rasterizer.Calls);
        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.Store.Editions);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task Cancelling_half_way_leaves_the_stores_as_they_were_and_no_staging_files()
    {
        using var cts = new CancellationTokenSource();
        _f.Rasterizer.OnCall = call =>
        {
            if (call == 2)
            {
                cts.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _f.Importer.ImportAsync(new ImportRequest { SourcePath = _f.Package(), PublicationSlug = "binjiang" }, null, cts.Token));

        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.Store.Editions);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task A_page_without_text_is_imported_with_a_note_for_review()
    {
        var package = _f.Package();
        new TestPdf().Image(40, 40, 555, 800).Save(Path.Combine(package, "04-Photos.pdf"));

        var result = await _f.Importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = "binjiang" });

        Assert.Equal(["04-Photos.pdf: the page has no text layer (a scan?); its articles were not detected"], result.Warnings);
        Assert.NotNull(_f.Store.Editions[0].FindPage("04")!.ReviewNote);
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the list is complete when the import returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly object _gate = new();

        public void Report(T value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
