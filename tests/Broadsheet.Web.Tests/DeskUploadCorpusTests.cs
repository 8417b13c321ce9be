using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Broadsheet.BadInputs;
using Broadsheet.Core;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>The seeded application with the desk's default upload limits and small page images, for the bad-input corpus.</summary>
public class CorpusUploadAppFactory : ReaderAppFactory
{
    /// <summary>Import settings in configuration form; the corpus's own, for the kinds that lower a limit.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:Ingest:RasterWidth", "600");

        // An image bomb within its size takes 18 s alone but over 120 s beside four other helpers' builds; no kind
        // of the corpus relies on the page time limit (the sanitiser's tests do).
        builder.UseSetting("Broadsheet:Ingest:PageSeconds", "900");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
        }
    }
}

/// <summary>The corpus application with the limits the corpus lowers to bring a bomb within a test's reach.</summary>
public sealed class LoweredLimitsUploadAppFactory : CorpusUploadAppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        BadInputCorpus.All.SelectMany(i => i.Settings).DistinctBy(s => s.Key).ToDictionary(s => s.Key, s => s.Value);
}

/// <summary>
/// Every kind of the bad-input corpus (tests/Broadsheet.BadInputs) uploaded at the desk, as an editor would: the
/// package's files (or its zip) posted to the upload endpoint. A refusal is one clear line naming the file and the
/// problem, either at once (a 4xx problem) or as the failed job's error, which is then the command line's message;
/// the database and the blobs are as they were. What is taken is imported, and what readers get is checked.
/// </summary>
public abstract class DeskUploadCorpusTests(CorpusUploadAppFactory app) : IDisposable
{
    private const string Slug = TestEdition.EnglishSlug;
    private static readonly string[] ActiveKeys = ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Annots", "/Launch", "/EmbeddedFile", "/Encrypt", "<script"];

    /// <summary>
    /// Kinds the command line takes (sanitised) but the desk refuses at once: it reads a file's kind from its first
    /// bytes, where the command line, like PDF readers, finds <c>%PDF-</c> anywhere in the first kilobyte.
    /// </summary>
    private static readonly Dictionary<string, string> RefusedAtUpload = new(StringComparer.Ordinal) { ["html-pdf-polyglot"] = "03-Life.pdf" };

    private readonly string _scratch = Directory.CreateTempSubdirectory("broadsheet-desk-corpus-").FullName;

    protected static TheoryData<string> Names(bool withSettings, params InputKind[] kinds)
    {
        var data = new TheoryData<string>();
        foreach (var input in BadInputCorpus.All.Where(i => kinds.Contains(i.Kind) && (i.Settings.Count > 0) == withSettings))
        {
            data.Add(input.Name);
        }

        return data;
    }

    protected async Task AssertHandledAsync(string name)
    {
        var input = BadInputCorpus.Named(name);
        var package = BadInputCorpus.Write(input, _scratch);
        var client = await SignInAsync();
        var token = await DeskSession.TokenAsync(client, $"/desk/{Slug}/upload");
        var before = Snapshot();

        using var form = new MultipartFormDataContent { { new StringContent("true"), "replace" } };
        if (Path.GetFileName(package) == Packages.Date || File.Exists(package))
        {
            form.Add(new StringContent(Packages.Date), "date");
        }

        var files = File.Exists(package) ? [package] : Directory.GetFiles(package, "*", SearchOption.AllDirectories);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", Path.GetFileName(file));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/desk/api/{Slug}/imports", UriKind.Relative)) { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            // Refused before any import: the upload's own checks (kind by first bytes, counts, sizes, the date).
            Assert.True(input.Refusal is not null || RefusedAtUpload.ContainsKey(name), $"{name} is to be taken, but the upload was refused: {(int)response.StatusCode} {body}");
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
            var detail = body.GetProperty("detail").GetString();
            AssertOneLine(detail);
            if (RefusedAtUpload.TryGetValue(name, out var file))
            {
                Assert.StartsWith(file + "：", detail, StringComparison.Ordinal);
            }
        }
        else
        {
            var state = await DeskSession.WaitUntilFinishedAsync(client, body.GetProperty("id").GetString()!, 2400);
            if (input.Refusal is { } refusal)
            {
                Assert.True(state.GetProperty("status").GetString() == "failed", $"{name} is to be refused with “{refusal}”, but: {state}");
                var error = state.GetProperty("error").GetString();
                AssertOneLine(error);
                Assert.StartsWith(refusal, error, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(state.GetProperty("status").GetString() == "succeeded", $"{name}: {state}");
                await AssertTakenSafelyAsync(input, state.GetProperty("result"));
                return;
            }
        }

        Assert.Equal(before, Snapshot());
    }

    private async Task AssertTakenSafelyAsync(BadInput input, JsonElement result)
    {
        Assert.Equal(Packages.Date, result.GetProperty("date").GetString());
        Assert.Equal($"/{Slug}/{Packages.Date}", result.GetProperty("readerUrl").GetString());
        if (input.Accepted == Accepted.Sanitised)
        {
            var data = app.Services.GetRequiredService<DataFolder>();
            var pdf = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(data.BlobsPath, await PdfKeyOfPageAsync("03"))));
            Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
            Assert.All(ActiveKeys, key => Assert.DoesNotContain(key, pdf, StringComparison.Ordinal));
        }
        else if (input.Accepted == Accepted.WithNote)
        {
            var page = result.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "03");
            Assert.True(page.GetProperty("reviewNote").ValueKind == JsonValueKind.String, $"page 03 has no review note: {result}");
        }
    }

    private static void AssertOneLine(string? message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "no message");
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
    }

    private async Task<HttpClient> SignInAsync()
    {
        var user = "corpus-" + Guid.NewGuid().ToString("N")[..12];
        await DeskSession.CreateUserAsync(app.Services, user, DeskRoles.Admin);
        var client = app.NewClient();
        await DeskSession.SignInAsync(client, user);
        return client;
    }

    /// <summary>
    /// Every row of every table but the audit log (a failed import is audited, as it should be), the import jobs (the
    /// upload's own job, which keeps its refusal for the desk to show) and the search outbox,
    /// every blob's name and hash, and whatever staging holds: equal snapshots mean nothing a reader or the desk sees changed.
    /// </summary>
    private string Snapshot()
    {
        var data = app.Services.GetRequiredService<DataFolder>();
        var lines = new List<string>();
        using (var db = app.Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContext())
        {
            var connection = db.Database.GetDbConnection();
            connection.Open();
            // The search outbox is a queue the indexer drains in the background after an earlier kind was taken.
            var tables = data.DatabaseIsServer
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('AuditLog', 'ImportJobs', 'SearchOutbox')"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('AuditLog', 'ImportJobs', 'SearchOutbox')";
            foreach (var table in Query(connection, tables).Select(r => r[0]).Order(StringComparer.Ordinal))
            {
                lines.AddRange(Query(connection, $"SELECT * FROM \"{table}\"")
                    .Where(row => !(table == "sqlite_sequence" && row[0] is "AuditLog" or "SearchOutbox"))
                    .Select(row => table + ": " + string.Join(" | ", row))
                    .Order(StringComparer.Ordinal));
            }
        }

        if (Directory.Exists(data.BlobsPath))
        {
            lines.AddRange(Directory.EnumerateFiles(data.BlobsPath, "*", SearchOption.AllDirectories)
                .Select(f => "blob: " + Path.GetRelativePath(data.BlobsPath, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
                .Order(StringComparer.Ordinal));
        }

        if (Directory.Exists(data.StagingPath))
        {
            lines.AddRange(Directory.EnumerateFileSystemEntries(data.StagingPath, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => "staging: " + f));
        }

        return string.Join('\n', lines);
    }

    private async Task<string> PdfKeyOfPageAsync(string label)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContextAsync();
        var date = DateOnly.ParseExact(Packages.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return await db.Pages.Where(p => p.Edition.Publication.Slug == Slug && p.Edition.Date == date && p.Label == label)
            .Select(p => p.PdfKey!).SingleAsync();
    }

    private static List<string[]> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.GetValue(i) is byte[] bytes
                    ? Convert.ToHexString(bytes)
                    : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }

    public void Dispose()
    {
        Directory.Delete(_scratch, recursive: true);
        GC.SuppressFinalize(this);
    }
}

// The bad-input corpus imported through the desk, file by file: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class PdfUploadCorpusTests(CorpusUploadAppFactory app) : DeskUploadCorpusTests(app), IClassFixture<CorpusUploadAppFactory>
{
    public static TheoryData<string> Kinds => Names(false, InputKind.Pdf);

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task A_hostile_or_careless_pdf_uploaded_at_the_desk_is_refused_in_one_line_or_taken_safely(string kind) => AssertHandledAsync(kind);
}

// The bad-input corpus imported through the desk, file by file: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class ImageAndZipUploadCorpusTests(CorpusUploadAppFactory app) : DeskUploadCorpusTests(app), IClassFixture<CorpusUploadAppFactory>
{
    public static TheoryData<string> Kinds => Names(false, InputKind.Image, InputKind.Zip);

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task A_hostile_or_careless_image_or_zip_uploaded_at_the_desk_is_refused_in_one_line_or_taken_safely(string kind) => AssertHandledAsync(kind);
}

// The bad-input corpus imported through the desk, file by file: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class ManifestAndPackageUploadCorpusTests(CorpusUploadAppFactory app) : DeskUploadCorpusTests(app), IClassFixture<CorpusUploadAppFactory>
{
    public static TheoryData<string> Kinds => Names(false, InputKind.Manifest, InputKind.Xml, InputKind.Package);

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task A_hostile_or_careless_manifest_or_package_uploaded_at_the_desk_is_refused_in_one_line_or_taken_safely(string kind) => AssertHandledAsync(kind);
}

// The bad-input corpus imported through the desk, file by file: the full suite (scripts/test), not --fast.
[Trait("Suite", "Full")]
public sealed class LoweredLimitsUploadCorpusTests(LoweredLimitsUploadAppFactory app) : DeskUploadCorpusTests(app), IClassFixture<LoweredLimitsUploadAppFactory>
{
    public static TheoryData<string> Kinds => Names(true, Enum.GetValues<InputKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task A_bomb_within_a_lowered_limit_uploaded_at_the_desk_is_refused_in_one_line(string kind) => AssertHandledAsync(kind);
}
