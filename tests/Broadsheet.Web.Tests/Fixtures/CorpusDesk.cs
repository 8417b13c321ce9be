using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Accounts;
using Broadsheet.Ingest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>
/// Real pages from the shared corpus (<c>../shared/corpus/real/</c> beside the repository, found by walking up), each imported as a
/// draft of its own paper, with a desk editor of them. Where the corpus is absent, <see cref="Missing"/> says so
/// and the tests that need it return early.
/// </summary>
public sealed class CorpusDeskFactory : ReaderAppFactory
{
    public const string Editor = "corpus-editor";
    public const string Password = "corpus editor password";

    /// <summary>The corpus pages imported, by file name: each its own publication slug and date.</summary>
    public static readonly (string File, string Slug, DateOnly Date, string Label)[] Pages =
    [
        ("gansu-fazhi-2024-08-09-p08", "gansu", new DateOnly(2024, 8, 9), "08"),
        ("fuzhou-wanbao-2024-04-19-a07", "fuzhou", new DateOnly(2024, 4, 19), "A07"),
    ];

    protected override bool Seed => false;

    /// <summary>Where the corpus should be, and null when it is there.</summary>
    public string? Missing { get; private set; }

    public static string CorpusFolder { get; } = FindCorpus();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:Ingest:RasterWidth", "1000");
    }

    protected override async Task AfterSeedAsync()
    {
        if (Pages.Any(p => !File.Exists(Path.Combine(CorpusFolder, p.File + ".pdf"))))
        {
            Missing = $"the real-page corpus is not at {CorpusFolder}; these tests need ../shared/corpus/real/ beside the repository";
            return;
        }

        var store = Services.GetRequiredService<IEditionStore>();
        var importer = Services.GetRequiredService<EditionImporter>();
        var slugs = new List<string>();
        foreach (var (file, slug, date, label) in Pages)
        {
            await store.AddPublicationAsync(new Publication(slug, slug) { ImportAsDraft = true });
            var package = Path.Combine(Path.GetTempPath(), "broadsheet-web-tests", "corpus-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(package);
            try
            {
                File.Copy(Path.Combine(CorpusFolder, file + ".pdf"), Path.Combine(package, label + ".pdf"));
                await importer.ImportAsync(new ImportRequest { SourcePath = package, PublicationSlug = slug, Date = date });
            }
            finally
            {
                Directory.Delete(package, recursive: true);
            }

            slugs.Add(slug);
        }

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(Editor, Password, DeskRoles.Editor, slugs);
    }

    public static string DateOf(string slug) => Pages.Single(p => p.Slug == slug).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The nearest <c>shared/corpus/real</c> above the tests (beside the repository, or beside the worktrees' folder).</summary>
    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "real");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return "../shared/corpus/real";
    }
}
