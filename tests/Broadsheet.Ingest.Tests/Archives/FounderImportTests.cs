using Broadsheet.Ingest.Archives;
using Broadsheet.Ingest.Tests.Import;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Archives;

/// <summary>Founder e-paper exports (方正见报XML) with their page PDF beside them, written here in the export's layout.</summary>
public sealed class FounderImportTests : IDisposable
{
    private static readonly TestStory Budget = new("Council approves the budget", 40, 70, 2, 20);
    private static readonly TestStory Bridge = new("Bridge reopens after repairs", 40, 400, 3, 10);

    private readonly ImporterFixture _f = new();

    public void Dispose() => _f.Dispose();

    private ArchiveImporter Importer => new(_f.Importer, _f.Store, _f.Data);

    /// <summary>A folder with the page PDF and the export describing it.</summary>
    private string Export(params FounderItem[] items)
    {
        var folder = _f.PathOf("export");
        Directory.CreateDirectory(folder);
        TestPdf.Newspaper("A01", Budget, Bridge).Save(Path.Combine(folder, "bjrb2026110501.pdf"));
        File.WriteAllText(Path.Combine(folder, "bjrb2026110501.xml"), FounderXml.Page("2026-11-05", "A01", "要闻", "bjrb2026110501.pdf", items));
        return folder;
    }

    private static FounderItem BudgetItem => new(
        "Council<br>approves the budget",
        "\u3000\u3000First paragraph of the budget story.\n\u3000\u3000Second paragraph, after an ideographic indent.\n",
        FounderItem.Box(5, 7, 65, 42))
    {
        Kicker = "After a long night", Subtitle = "By seven votes to two", Author = "Jane Smith",
    };

    private static FounderItem BridgeItem => new("Bridge reopens after repairs", "\u3000\u3000The bridge is open.", FounderItem.Box(5, 46, 93, 67));

    [Fact]
    public async Task The_exports_articles_are_imported_as_given_with_their_outlines()
    {
        var unpublished = new FounderItem("Held back by the desk", "Not for the e-paper.", FounderItem.Box(5, 70, 50, 80)) { Published = false };

        var result = await Importer.ImportAsync(new ImportRequest { SourcePath = Export(BudgetItem, BridgeItem, unpublished), PublicationSlug = "binjiang" });

        var edition = Assert.Single(_f.Store.Editions);
        Assert.Equal(new DateOnly(2026, 11, 5), edition.Date);
        var page = Assert.Single(edition.Pages);
        Assert.Equal(("A01", "要闻"), (page.Label, page.Name));
        Assert.Equal(["Council approves the budget", "Bridge reopens after repairs"], edition.Articles.Select(a => a.Headline));
        var budget = edition.Articles[0];
        Assert.Equal(("After a long night", "By seven votes to two", "Jane Smith"), (budget.Kicker, budget.Subheadline, budget.Byline));
        Assert.Equal(["First paragraph of the budget story.", "Second paragraph, after an ideographic indent."], budget.Paragraphs);
        var bounds = Assert.Single(budget.Regions).Polygon.Bounds;
        Assert.Equal((0.05, 0.07, 0.65, 0.42), (Math.Round(bounds.Left, 4), Math.Round(bounds.Top, 4), Math.Round(bounds.Right, 4), Math.Round(bounds.Bottom, 4)));
        Assert.Null(page.ReviewNote);
        // Detection read the page too and agrees: nothing to look at.
        Assert.Empty(result.Warnings);
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task Where_detection_disagrees_the_export_wins_and_each_disagreement_is_a_warning()
    {
        var weather = new FounderItem("Weather", "Sunny.", FounderItem.Box(5, 75, 93, 95));

        var result = await Importer.ImportAsync(new ImportRequest { SourcePath = Export(BudgetItem, weather), PublicationSlug = "binjiang" });

        Assert.Equal(["Council approves the budget", "Weather"], Assert.Single(_f.Store.Editions).Articles.Select(a => a.Headline));
        Assert.Contains(result.Warnings, w => w.StartsWith("bjrb2026110501.pdf: detection finds an article 'Bridge reopens after repairs'", StringComparison.Ordinal)
            && w.EndsWith("outside the export's outlines", StringComparison.Ordinal));
        Assert.Contains("bjrb2026110501.pdf: detection finds no article inside the outline of the export's 'Weather'", result.Warnings);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("'Council approves the budget'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overlapping_outlines_are_reported()
    {
        var over = new FounderItem("Sidebar", "A box inside the budget story.", FounderItem.Box(30, 20, 65, 42));

        var result = await Importer.ImportAsync(new ImportRequest { SourcePath = Export(BudgetItem, BridgeItem, over), PublicationSlug = "binjiang" });

        Assert.Contains("bjrb2026110501.xml: the outlines of 'Council approves the budget' and 'Sidebar' overlap", result.Warnings);
    }

    public static TheoryData<string, string, string> BadExports => new()
    {
        {
            "a page file that is not there", "PDF",
            "bjrb2026110501.xml: its page file (bjrb2026110501.pdf or page.jpg or page_b.jpg) is not beside it; put the page's PDF or image in the same folder"
        },
        {
            "an external entity (XXE)",
            """<?xml version="1.0"?><!DOCTYPE 版面 [<!ENTITY x SYSTEM "file:///etc/passwd">]><版面><大样><日期>&x;</日期></大样></版面>""",
            "bjrb2026110501.xml: declares a DTD or entities, which are refused (external entities are never resolved)"
        },
        {
            "billion laughs",
            """<?xml version="1.0"?><!DOCTYPE 版面 [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><版面><大样><日期>&c;</日期></大样></版面>""",
            "bjrb2026110501.xml: declares a DTD or entities, which are refused (external entities are never resolved)"
        },
        {
            "a truncated file", "<?xml version=\"1.0\"?><!--方正见报XML1.0--><版面><大样><日期>2026-11-05</日期>",
            "bjrb2026110501.xml: not well-formed XML"
        },
        {
            "an outline far outside the page", FounderXml.Page("2026-11-05", "A01", "要闻", "bjrb2026110501.pdf", new FounderItem("Off the page", "Text.", FounderItem.Box(5, 7, 150, 42))),
            "bjrb2026110501.xml: article 1: <顶点> '150.000000%,7.000000%' lies outside the page"
        },
        {
            "a date that is not one", FounderXml.Page("2026-13-45", "A01", "要闻", "bjrb2026110501.pdf", BridgeItem),
            "bjrb2026110501.xml: <日期> '2026-13-45' is not a date (yyyy-MM-dd)"
        },
    };

    [Theory]
    [MemberData(nameof(BadExports))]
    public async Task A_bad_export_is_refused_in_one_line_naming_the_file_and_changes_nothing(string what, string xml, string message)
    {
        var folder = Export(BridgeItem);
        if (xml == "PDF")
        {
            File.Delete(Path.Combine(folder, "bjrb2026110501.pdf"));
        }
        else
        {
            File.WriteAllText(Path.Combine(folder, "bjrb2026110501.xml"), xml);
        }

        var refused = await Assert.ThrowsAsync<ImportException>(() => Importer.ImportAsync(new ImportRequest { SourcePath = folder, PublicationSlug = "binjiang" }));

        Assert.True(refused.Message.StartsWith(message, StringComparison.Ordinal), $"{what}: {refused.Message}");
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Empty(_f.Store.Editions);
        Assert.Empty(_f.Blobs.Keys);
        Assert.Empty(_f.StagingFiles);
    }
}
