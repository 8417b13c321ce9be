using Broadsheet.BrowserTests.Fixtures;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Corpus;

/// <summary>
/// The application over an empty data folder with the papers of the shared corpus's real pages (each waits as a
/// draft when imported) and a desk editor of them; the pages themselves are uploaded by the tests, as an editor
/// would. The corpus is found by walking up from the tests to <c>shared/corpus/real</c> (beside the repository).
/// </summary>
public sealed class CorpusServer : BrowserServer
{
    public const string Editor = "night-desk";
    public const string Password = "night desk password";

    /// <summary>The corpus's folder of real pages, or null on a machine without it.</summary>
    public static string? Folder { get; } = Find();

    /// <summary>Why the corpus tests cannot run here, or null when they can.</summary>
    public static string? Missing => Folder is null
        ? "the shared corpus of real pages (../shared/corpus/real beside the repository) is not on this machine"
        : null;

    protected override IEnumerable<string> Settings => ["--Broadsheet:Ingest:RasterWidth=1600"];

    protected override async Task AfterStartAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IEditionStore>();
        foreach (var page in CorpusPage.All)
        {
            await store.AddPublicationAsync(new Publication(page.Slug, page.Paper) { ImportAsDraft = true });
        }

        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(Editor, Password, DeskRoles.Editor, [.. CorpusPage.All.Select(p => p.Slug)]);
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "real");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A corpus page as its paper's production desk would hand it over: named by its label and page name, for a date.</summary>
/// <param name="File">The corpus file, without ".pdf".</param>
/// <param name="Slug">The paper's slug in the test.</param>
/// <param name="Paper">The paper's name.</param>
/// <param name="Date">The edition's date.</param>
/// <param name="Upload">The name the page file has when uploaded (label, then the page's name).</param>
internal sealed record CorpusPage(string File, string Slug, string Paper, string Date, string Upload)
{
    public static readonly CorpusPage Gansu = new("gansu-fazhi-2024-08-09-p08", "gansu", "甘肃法治报", "2024-08-09", "08-法治一线.pdf");

    public static readonly CorpusPage Fuzhou = new("fuzhou-wanbao-2024-04-19-a07", "fuzhou", "福州晚报", "2024-04-19", "A07-生活服务.pdf");

    public static IReadOnlyList<CorpusPage> All { get; } = [Gansu, Fuzhou];

    public string Label => Upload[..Upload.IndexOf('-', StringComparison.Ordinal)];

    public string PdfPath => Path.Combine(CorpusServer.Folder!, File + ".pdf");

    public string TruthPath => Path.Combine(CorpusServer.Folder!, File + ".truth.json");
}
