using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Broadsheet.Core;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Desk.Imports;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>
/// Desk uploads as several web nodes share them: the job is a row in the database, so an upload another node received
/// is imported here, progress another node writes shows here, and a job whose node died is failed, saying so.
/// </summary>
public sealed class DeskImportJobsTests(UploadAppFactory app) : IClassFixture<UploadAppFactory>
{
    private const string Password = "correct horse battery";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_upload_another_node_received_is_claimed_and_imported_by_this_node()
    {
        var client = await SignInAsync("jobs-claim");
        var (id, folder) = Stage();
        await File.WriteAllBytesAsync(Path.Combine(folder, "01.pdf"), Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        await Store.TryAddAsync(Row(id, folder, ImportJobPhase.Waiting, node: null, lease: null), 10);

        var state = await DeskSession.WaitUntilFinishedAsync(client, id, 600);

        // The importer ran here: its own message about the page that does not open, and the upload is gone.
        Assert.Equal("failed", state.GetProperty("status").GetString());
        Assert.Contains("01.pdf", state.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(app.Services.GetRequiredService<ImportJobs>().Node, (await Store.FindAsync(id))!.Node);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Progress_another_node_writes_shows_on_this_one_and_then_its_result()
    {
        var client = await SignInAsync("jobs-progress");
        var (id, folder) = Stage();
        // Node B took the upload and runs it; its lease is current.
        var now = DateTimeOffset.UtcNow;
        await Store.TryAddAsync(Row(id, folder, ImportJobPhase.Running, "node-b", now.AddMinutes(5)), 10);
        StepState[] steps = [StepState.Done, StepState.Done, StepState.Working, StepState.Waiting, StepState.Waiting];
        var running = new ImportJobState(id, "binjiang", "滨江日报", JobStatus.Running, "Rasterising", "处理各版", 40, 2, 4, [new PageProgressState("A1", steps, false)], null, null);
        Assert.True(await Store.ReportAsync(id, "node-b", JsonSerializer.Serialize(running, Json), now.AddMinutes(5)));

        var seen = await client.GetFromJsonAsync<JsonElement>(new Uri("/desk/api/imports/" + id, UriKind.Relative));
        Assert.Equal(("running", 2, 4, 40), (seen.GetProperty("status").GetString(), seen.GetProperty("pagesDone").GetInt32(), seen.GetProperty("pageCount").GetInt32(), seen.GetProperty("percent").GetInt32()));
        var page = await client.GetDocumentAsync("/desk/imports/" + id);
        Assert.Equal("2/4 版", page.QuerySelector("#import-count")!.Text());
        Assert.Equal("处理各版", page.QuerySelector("#import-stage")!.Text());

        var result = new JobResult("2026-11-20", true, false, 4, 12, [], [], "/desk/binjiang/2026-11-20", null);
        await Store.FinishAsync(id, "node-b", JsonSerializer.Serialize(running with { Status = JobStatus.Succeeded, Percent = 100, Result = result }, Json), null, now);
        var done = await client.GetFromJsonAsync<JsonElement>(new Uri("/desk/api/imports/" + id, UriKind.Relative));
        Assert.Equal(("succeeded", true, 12), (done.GetProperty("status").GetString(), done.GetProperty("finished").GetBoolean(), done.GetProperty("result").GetProperty("articleCount").GetInt32()));
    }

    [Fact]
    public async Task A_job_whose_node_stopped_mid_import_is_failed_saying_so_and_its_upload_removed()
    {
        var client = await SignInAsync("jobs-lapsed");
        var (id, folder) = Stage();
        await File.WriteAllTextAsync(Path.Combine(folder, "01.pdf"), "half an upload");
        // Claimed by a node that then died: its lease ran out a second ago and nobody renews it.
        await Store.TryAddAsync(Row(id, folder, ImportJobPhase.Running, "node-dead", DateTimeOffset.UtcNow.AddSeconds(-1)), 10);

        var state = await DeskSession.WaitUntilFinishedAsync(client, id, 600);

        Assert.Equal("failed", state.GetProperty("status").GetString());
        Assert.Equal("运行这次导入的服务器中途停止了，什么也没有改动。请重新上传这一期。", state.GetProperty("error").GetString());
        // The row says failed first; the upload's folder goes right after.
        for (var waited = 0; waited < 100 && Directory.Exists(folder); waited++)
        {
            await Task.Delay(100);
        }

        Assert.False(Directory.Exists(folder));
        var page = await client.GetDocumentAsync("/desk/imports/" + id);
        Assert.Equal("运行这次导入的服务器中途停止了，什么也没有改动。请重新上传这一期。", page.QuerySelector("#import-error")!.Text());
        Assert.Equal("导入失败，什么也没有改动", page.QuerySelector("#import-stage")!.Text());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "import-failed" && e.User == "node-b-editor" && e.Subject == "binjiang 2026-11-20"));
    }

    [Fact]
    public async Task A_job_whose_node_stopped_after_saving_its_edition_sends_the_editor_to_it_not_to_upload_again()
    {
        var client = await SignInAsync("jobs-saved");
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);
        // The node saved the draft day's edition (stamped when saved, after the job started), then died before it could
        // mark the job done; the other job's day has an edition from before its job started, which that job did not make.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContextAsync())
        {
            await db.Editions.Where(e => e.Date == TestEdition.DraftDay).ExecuteUpdateAsync(set => set.SetProperty(e => e.CreatedAt, started.AddSeconds(30)));
            await db.Editions.Where(e => e.Date == TestEdition.Day).ExecuteUpdateAsync(set => set.SetProperty(e => e.CreatedAt, started.AddSeconds(-30)));
        }

        var (saved, savedFolder) = Stage();
        var (other, otherFolder) = Stage();
        var lapsed = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Store.TryAddAsync(Row(saved, savedFolder, ImportJobPhase.Running, "node-dead", lapsed, TestEdition.DraftDay) with { StartedAt = started }, 10);
        await Store.TryAddAsync(Row(other, otherFolder, ImportJobPhase.Running, "node-dead", lapsed, TestEdition.Day) with { StartedAt = started }, 10);

        var savedState = await DeskSession.WaitUntilFinishedAsync(client, saved, 600);
        var otherState = await DeskSession.WaitUntilFinishedAsync(client, other, 600);

        Assert.Equal("failed", savedState.GetProperty("status").GetString());
        Assert.Equal(
            "运行这次导入的服务器在 2026-11-03 这一期保存之后停止了。这一期在 /desk/binjiang/2026-11-03，请到那里检查，不必重新上传。",
            savedState.GetProperty("error").GetString());
        Assert.Equal("运行这次导入的服务器中途停止了，什么也没有改动。请重新上传这一期。", otherState.GetProperty("error").GetString());
    }

    private IImportJobStore Store => app.Services.GetRequiredService<IImportJobStore>();

    private (string Id, string Folder) Stage()
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(app.Services.GetRequiredService<DataFolder>().StagingPath, "upload-" + id);
        Directory.CreateDirectory(folder);
        return (id, folder);
    }

    private ImportJobRecord Row(string id, string folder, ImportJobPhase phase, string? node, DateTimeOffset? lease, DateOnly? date = null)
    {
        var root = app.Services.GetRequiredService<DataFolder>().Root;
        var day = (date ?? new DateOnly(2026, 11, 20)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var request = JsonSerializer.Serialize(new { SourcePath = Path.GetRelativePath(root, folder), PublicationSlug = "binjiang", Date = day, Replace = false }, Json);
        return new(id, "binjiang", "滨江日报", "zh-CN", "node-b-editor", Path.GetRelativePath(root, folder), request, phase, null, null, node, lease, DateTimeOffset.UtcNow, null, null);
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(userName, Password, DeskRoles.Admin, []);
        }

        var client = app.NewClient();
        await DeskSession.SignInAsync(client, userName, Password);
        return client;
    }
}
