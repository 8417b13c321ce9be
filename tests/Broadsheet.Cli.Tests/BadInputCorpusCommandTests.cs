using System.Text;
using Broadsheet.BadInputs;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// Every kind of the bad-input corpus (tests/Broadsheet.BadInputs) through `broadsheet import` into a data folder
/// with a published edition: refused in exactly one line naming the file and the problem, with the data folder,
/// staging and the temp folder as they were; or taken safely, and then what readers get is checked. One class per
/// kind of input, so two run at once on two cores.
/// </summary>
public abstract class BadInputCorpusCommandTests(PublishedDataFixture published) : IDisposable
{
    private static readonly string[] ActiveKeys = ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Annots", "/Launch", "/EmbeddedFile", "/Encrypt", "<script"];

    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-corpus-data-").FullName;
    private readonly string _scratch = Directory.CreateTempSubdirectory("broadsheet-cli-corpus-input-").FullName;
    private readonly string _tmp = Directory.CreateTempSubdirectory("broadsheet-cli-corpus-tmp-").FullName;

    protected static TheoryData<string> Names(params InputKind[] kinds)
    {
        var data = new TheoryData<string>();
        foreach (var input in BadInputCorpus.All.Where(i => kinds.Contains(i.Kind)))
        {
            data.Add(input.Name);
        }

        return data;
    }

    protected async Task AssertHandledAsync(string name)
    {
        var input = BadInputCorpus.Named(name);
        var package = BadInputCorpus.Write(input, _scratch);
        published.CopyTo(_data);
        var before = DataSnapshot.Take(_data);

        // What is tested is the handling of hostile files, not OCR (tests/Broadsheet.Ingest.Tests/Import/OcrImportTests):
        // a page without text is left to the desk, as OCR would take tens of seconds for each of these pages.
        var settings = new Dictionary<string, string>(input.Settings) { ["Broadsheet__Ingest__Ocr"] = "false" };
        var run = await BroadsheetProcess.RunInAsync(_tmp, settings, "import", package, "--publication", "binjiang", "--data", _data);

        if (input.Refusal is { } refusal)
        {
            Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Output} {run.Error}");
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("broadsheet: " + refusal, line, StringComparison.Ordinal);
            Assert.Equal(before, DataSnapshot.Take(_data));
        }
        else
        {
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
            Assert.Contains("Published binjiang 2026-11-03", run.Output, StringComparison.Ordinal);
            if (input.Accepted == Accepted.Sanitised)
            {
                var pdf = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(_data, "blobs", PdfKeyOfPage("03"))));
                Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
                Assert.All(ActiveKeys, key => Assert.DoesNotContain(key, pdf, StringComparison.Ordinal));
            }
            else if (input.Accepted == Accepted.WithNote)
            {
                Assert.Contains("warning: 03", run.Output, StringComparison.Ordinal);
            }
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data, "staging")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tmp));
    }

    private string PdfKeyOfPage(string label)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "broadsheet.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT p."PdfKey" FROM "Pages" p JOIN "Editions" e ON e."Id" = p."EditionId" WHERE e."Date" = '2026-11-03' AND p."Label" = $label""";
        command.Parameters.AddWithValue("$label", label);
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_scratch, recursive: true);
        Directory.Delete(_tmp, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class PdfCorpusCommandTests(PublishedDataFixture published) : BadInputCorpusCommandTests(published), IClassFixture<PublishedDataFixture>
{
    public static TheoryData<string> Kinds => Names(InputKind.Pdf);

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task A_hostile_or_careless_pdf_is_refused_in_one_line_or_taken_safely(string kind) => AssertHandledAsync(kind);
}

public sealed class ImageAndZipCorpusCommandTests(PublishedDataFixture published) : BadInputCorpusCommandTests(published), IClassFixture<PublishedDataFixture>
{
    public static TheoryData<string> Kinds => Names(InputKind.Image, InputKind.Zip);

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task A_hostile_or_careless_image_or_zip_is_refused_in_one_line_or_taken_safely(string kind) => AssertHandledAsync(kind);
}

public sealed class ManifestAndPackageCorpusCommandTests(PublishedDataFixture published) : BadInputCorpusCommandTests(published), IClassFixture<PublishedDataFixture>
{
    public static TheoryData<string> Kinds => Names(InputKind.Manifest, InputKind.Xml, InputKind.Package);

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task A_hostile_or_careless_manifest_or_package_is_refused_in_one_line_or_taken_safely(string kind) => AssertHandledAsync(kind);
}
