namespace Broadsheet.Cli.Tests;

/// <summary>`broadsheet import` as a production desk runs it: a real process over a real data folder.</summary>
public sealed class ImportCommandTests(PublishedDataFixture fixture) : IClassFixture<PublishedDataFixture>, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-data-").FullName;
    private readonly string _scratch = Directory.CreateTempSubdirectory("broadsheet-cli-input-").FullName;

    [Fact]
    public async Task Imports_a_generated_edition_and_publishes_every_page()
    {
        await AddPublicationAsync();

        var run = await ImportAsync(fixture.Edition.Directory, "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal("", run.Output);
        var snapshot = DataSnapshot.Take(_data);
        Assert.Contains("Editions: ", snapshot, StringComparison.Ordinal);
        foreach (var page in fixture.Edition.Pages)
        {
            Assert.Contains($"| {page.Label} | ", snapshot, StringComparison.Ordinal);
        }

        // A master image and a PDF for each page.
        Assert.Equal(fixture.Edition.Pages.Count, Directory.GetFiles(Path.Combine(_data, "blobs"), "*.pdf", SearchOption.AllDirectories).Length);
        Assert.False(Directory.Exists(Path.Combine(_data, "staging")) && Directory.EnumerateFileSystemEntries(Path.Combine(_data, "staging")).Any());
    }

    [Fact]
    public async Task Reports_what_it_published()
    {
        await AddPublicationAsync();

        var run = await ImportAsync(fixture.Edition.Directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Published binjiang 2026-11-02: 8 pages", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_with_no_pdfs_is_refused_and_changes_nothing()
    {
        ImportExisting();
        var empty = Directory.CreateDirectory(Path.Combine(_scratch, "2026-11-03")).FullName;
        await File.WriteAllTextAsync(Path.Combine(empty, "readme.txt"), "no pages here");

        await AssertRefusedAsync([empty, "--replace"], "no page PDFs");
        await AssertRefusedAsync([empty, "--date", "2026-11-02", "--replace"], "no page PDFs");
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_is_refused_naming_it_and_changes_nothing()
    {
        ImportExisting();
        var package = CopyEdition("2026-11-03");
        File.Copy(fixture.Edition.Pages[0].TruthPath, Path.Combine(package, "03-综合.pdf"), overwrite: true);
        File.Delete(Directory.GetFiles(package, "03-*.pdf").Single(f => !f.EndsWith("03-综合.pdf", StringComparison.Ordinal)));

        await AssertRefusedAsync([package], "03-综合.pdf");
    }

    [Fact]
    public async Task A_truncated_pdf_is_refused_naming_it_and_changes_nothing()
    {
        ImportExisting();
        var package = CopyEdition("2026-11-03");
        var victim = Directory.GetFiles(package, "05-*.pdf").Single();
        var bytes = await File.ReadAllBytesAsync(victim);
        await File.WriteAllBytesAsync(victim, bytes[..(bytes.Length / 2)]);

        await AssertRefusedAsync([package], Path.GetFileName(victim));
    }

    [Fact]
    public async Task An_edition_whose_date_exists_is_refused_without_replace_and_replaced_with_it()
    {
        ImportExisting();

        await AssertRefusedAsync([fixture.Edition.Directory], "--replace");

        var replaced = await ImportAsync(fixture.Edition.Directory, "--replace");
        Assert.Equal(0, replaced.ExitCode);
        Assert.Contains("Replaced binjiang 2026-11-02", replaced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_publication_is_refused_with_how_to_create_it()
    {
        var run = await ImportAsync(fixture.Edition.Directory);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("publication add binjiang", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("import")]
    [InlineData("serve")]
    [InlineData("publication")]
    public async Task Every_verb_has_help_naming_the_data_folder_option(string verb)
    {
        var run = await BroadsheetProcess.RunAsync(verb, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(verb == "publication" ? "add" : "--data", run.Output, StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(string[] importArguments, string expectedInMessage)
    {
        var before = DataSnapshot.Take(_data);

        var run = await ImportAsync(importArguments);

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("broadsheet: ", line, StringComparison.Ordinal);
        Assert.Contains(expectedInMessage, line, StringComparison.Ordinal);
        Assert.Equal(before, DataSnapshot.Take(_data));
    }

    /// <summary>The data folder a publication add and a quiet import of the edition leave (made once, copied here).</summary>
    private void ImportExisting() => fixture.CopyTo(_data);

    private async Task AddPublicationAsync()
    {
        var run = await BroadsheetProcess.RunAsync("publication", "add", "binjiang", "--name", "滨江日报", "--data", _data);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private Task<BroadsheetProcess.Outcome> ImportAsync(params string[] arguments) =>
        BroadsheetProcess.RunAsync(["import", .. arguments, "--publication", "binjiang", "--data", _data]);

    private string CopyEdition(string name)
    {
        var target = Directory.CreateDirectory(Path.Combine(_scratch, name)).FullName;
        foreach (var page in fixture.Edition.Pages)
        {
            File.Copy(page.PdfPath, Path.Combine(target, Path.GetFileName(page.PdfPath)));
        }

        return target;
    }

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_scratch, recursive: true);
    }
}
