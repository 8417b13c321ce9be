using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>Readers' reports keep which of the day's editions they were sent from, on either provider.</summary>
public sealed class ReaderReportsTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);
    private static readonly DateTimeOffset At = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_report_keeps_the_number_of_the_edition_it_was_sent_from()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var feedback = data.Services.GetRequiredService<IReaderFeedback>();
        var paper = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        var first = await SaveAsync(store, paper, 1, "首期头条");
        var extra = await SaveAsync(store, paper, 2, "号外头条");

        await feedback.AddReportAsync(Report(extra));
        await feedback.AddReportAsync(Report(first));

        var open = await feedback.OpenReportsAsync([paper.Id], 10);
        Assert.Equal([("号外头条", 2), ("首期头条", 1)], open.Select(r => (r.Headline, r.EditionNumber)));
        Assert.Equal(2, (await feedback.FindReportAsync(open[0].Id))!.Value.Report.EditionNumber);
    }

    [Fact]
    public async Task Reports_kept_before_the_number_take_their_article_s_edition_or_else_the_day_s_first()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var feedback = data.Services.GetRequiredService<IReaderFeedback>();
        var paper = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        await SaveAsync(store, paper, 1, "首期头条");
        // One report's article is gone (its edition replaced), the other's is there.
        await feedback.AddReportAsync(Report(await SaveAsync(store, paper, 2, "号外旧稿")));
        await feedback.AddReportAsync(Report(await SaveAsync(store, paper, 2, "号外新稿", replace: true)));

        // Back to the schema before the number, and forward again: the rows are those of a database that had reports then.
        await MigrateAsync(data, "OldLinks");
        await MigrateAsync(data, null);

        var open = await feedback.OpenReportsAsync([paper.Id], 10);
        Assert.Equal([("号外旧稿", false, 1), ("号外新稿", true, 2)], open.Select(r => (r.Headline, r.ArticleId is not null, r.EditionNumber)));
    }

    private static ReaderReport Report(Edition edition) =>
        new(edition.Articles[0], edition.Pages[0], 1, ReportKind.WrongRegion, null, At);

    private static async Task<Edition> SaveAsync(IEditionStore store, Publication paper, int number, string headline, bool replace = false)
    {
        var edition = new Edition(paper, Day, number);
        var page = edition.AddPage("01", "头版", new PageSize(842, 1191));
        edition.AddArticle(new ArticleContent { Headline = headline, Paragraphs = ["第一段。"] }).AddRegion(page, Polygon.Rectangle(0.1, 0.1, 0.9, 0.5));
        edition.Publish(At);
        await store.SaveEditionAsync(edition, replace);
        return edition;
    }

    /// <summary>Migrates the test's database to <paramref name="target"/> (a migration's name), or to the latest, with its provider's migrations.</summary>
    private static async Task MigrateAsync(TempDataFolder data, string? target)
    {
        await using var db = data.IsPostgres
            ? new PostgresMigrationsContext(PostgresDatabase.Options<PostgresMigrationsContext>(PostgresDatabase.ConnectionString(data.Folder.Database!)).Options)
            : data.NewContext();
        await db.GetService<IMigrator>().MigrateAsync(target);
    }
}
