using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Samples;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>The seeded application with upload limits small enough to exceed in a test, and small page images to keep imports quick.</summary>
public sealed class UploadAppFactory : ReaderAppFactory
{
    public const long MaxFileBytes = 4L * 1024 * 1024;
    public const long MaxRequestBytes = 12L * 1024 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:Desk:Upload:MaxFileBytes", MaxFileBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Broadsheet:Desk:Upload:MaxRequestBytes", MaxRequestBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Broadsheet:Ingest:RasterWidth", "600");
    }
}

/// <summary>
/// An editor uploads an edition's page PDFs at the desk and follows the import to its end; uploads that are not
/// what they claim, too large, anonymous, for another paper or without the form's token change nothing.
/// </summary>
public sealed class DeskUploadTests(UploadAppFactory app) : IClassFixture<UploadAppFactory>
{
    private const string Password = "correct horse battery";
    private static readonly DateOnly Day = new(2026, 11, 10);

    [Fact]
    [Trait("Suite", "Full")] // generates and imports a whole edition: the full suite (scripts/test), not --fast
    public async Task An_uploaded_edition_is_imported_page_by_page_and_lands_with_its_pages_and_articles()
    {
        var client = await SignInAsync("upload-admin", DeskRoles.Admin);
        var folder = Path.Combine(Path.GetTempPath(), "broadsheet-upload-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var sample = SampleEditionGenerator.Generate(new SampleEditionOptions { Seed = 21, PageCount = 4, Date = Day }, folder);
            var token = await TokenAsync(client);
            using var form = new MultipartFormDataContent { { new StringContent("2026-11-10"), "date" } };
            foreach (var page in sample.Pages)
            {
                form.Add(FileContent(await File.ReadAllBytesAsync(page.PdfPath), "application/pdf"), "files", Path.GetFileName(page.PdfPath));
            }

            using var response = await PostAsync(client, "/desk/api/binjiang/imports", form, token);
            var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {accepted}");
            var id = accepted.GetProperty("id").GetString()!;
            Assert.Equal("/desk/api/imports/" + id, response.Headers.Location?.OriginalString);

            var state = await DeskSession.WaitUntilFinishedAsync(client, id);
            Assert.True(state.GetProperty("status").GetString() == "succeeded", state.ToString());
            var result = state.GetProperty("result");
            var pages = result.GetProperty("pages").EnumerateArray().ToList();
            Assert.Equal(sample.Pages.Select(p => p.Label), pages.Select(p => p.GetProperty("label").GetString()));
            Assert.Equal(sample.Pages.Select(p => p.Name), pages.Select(p => p.GetProperty("name").GetString()));
            Assert.All(pages, p => Assert.True(p.GetProperty("articles").GetInt32() > 0, $"page {p.GetProperty("label")} lists no articles"));
            Assert.Equal("/desk/binjiang/2026-11-10", result.GetProperty("deskUrl").GetString());
            Assert.Equal("/binjiang/2026-11-10", result.GetProperty("readerUrl").GetString());
            Assert.All(state.GetProperty("pages").EnumerateArray(), p => Assert.All(p.GetProperty("steps").EnumerateArray(), s => Assert.Equal("done", s.GetString())));

            // The edition is in the database as the importer saved it, and readers see it.
            await using (var db = await NewDbAsync())
            {
                var edition = await db.Editions.Include(e => e.Pages).Include(e => e.Articles)
                    .SingleAsync(e => e.Publication.Slug == "binjiang" && e.Date == Day);
                Assert.Equal(EditionStatus.Published, edition.Status);
                Assert.Equal(4, edition.Pages.Count);
                Assert.Equal(result.GetProperty("articleCount").GetInt32(), edition.Articles.Count);
                Assert.True(edition.Articles.Count >= 8, $"{edition.Articles.Count} articles");
                Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "import" && a.Subject == "binjiang 2026-11-10" && a.User == "upload-admin"));
            }

            var reader = await app.NewClient().GetDocumentAsync("/binjiang/2026-11-10/01");
            Assert.NotEmpty(reader.QuerySelectorAll("a[href^='/binjiang/2026-11-10/01/']"));

            // The job page: a row per page, and the way on to review the edition.
            var job = await client.GetDocumentAsync("/desk/imports/" + id);
            Assert.Equal(sample.Pages.Select(p => p.Label), job.QuerySelectorAll("#import-pages tbody tr").Select(r => r.GetAttribute("data-label")));
            Assert.Equal("/desk/binjiang/2026-11-10", job.QuerySelector("#import-review")!.GetAttribute("href"));
            Assert.Equal("审阅这一期", job.QuerySelector("#import-review")!.Text());
            Assert.Empty(UploadFolders());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_script_the_form_posts_to_the_page_and_the_job_page_shows_the_importers_message()
    {
        var client = await SignInAsync("upload-plain", DeskRoles.Admin);
        var before = await EditionCountAsync();
        var upload = await client.GetDocumentAsync("/desk/binjiang/upload");
        var token = upload.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("2026-11-15"), "date" },
        };
        // PDF by its first bytes, so it is accepted; the importer then finds it is no PDF that opens.
        form.Add(FileContent(MinimalPdf(), "application/pdf"), "files", "01-头版.pdf");

        using var response = await client.PostAsync(new Uri("/desk/binjiang/upload", UriKind.Relative), form);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/desk/imports/", location, StringComparison.Ordinal);
        var state = await DeskSession.WaitUntilFinishedAsync(client, location["/desk/imports/".Length..]);
        Assert.Equal("failed", state.GetProperty("status").GetString());
        var message = state.GetProperty("error").GetString()!;
        Assert.Contains("01-头版.pdf", message, StringComparison.Ordinal);
        var job = await client.GetDocumentAsync(location);
        Assert.Equal(message, job.QuerySelector("#import-error")!.Text());
        Assert.Null(job.QuerySelector("#import-error")!.GetAttribute("hidden"));
        Assert.Equal(before, await EditionCountAsync());
        Assert.Empty(UploadFolders());
    }

    [Fact]
    public async Task An_edition_that_is_already_there_is_refused_naming_the_forms_replace_box_in_the_papers_language()
    {
        var client = await SignInAsync("upload-twice", DeskRoles.Admin);
        var before = await EditionCountAsync();

        var chinese = await UploadWithoutReplaceAsync(client, TestEdition.Slug, TestEdition.Day);
        var english = await UploadWithoutReplaceAsync(client, TestEdition.EnglishSlug, TestEdition.EnglishDay);

        Assert.Equal("failed", chinese.GetProperty("status").GetString());
        Assert.Equal(
            "滨江日报 2026-11-02 已经有一期了，什么也没有改动。要替换它，请勾选“这一天已有一期时，替换它”后重新上传。",
            chinese.GetProperty("error").GetString());
        Assert.Equal("failed", english.GetProperty("status").GetString());
        Assert.Equal(
            "The Riverside Times already has an edition of 2026-10-30, so nothing was changed. To replace it, tick “这一天已有一期时，替换它” (replace the edition of that day) and upload again.",
            english.GetProperty("error").GetString());
        // The box it names is the one the upload form shows.
        var form = await client.GetDocumentAsync("/desk/binjiang/upload");
        Assert.Contains("这一天已有一期时，替换它", form.QuerySelector("input[name=replace]")!.ParentElement!.Text(), StringComparison.Ordinal);
        Assert.Equal(before, await EditionCountAsync());
        Assert.Empty(UploadFolders());
    }

    [Fact]
    public async Task A_text_file_named_pdf_is_refused_by_name_and_nothing_changes()
    {
        var client = await SignInAsync("upload-text", DeskRoles.Admin);
        var token = await TokenAsync(client);
        var before = await EditionCountAsync();
        using var form = new MultipartFormDataContent { { new StringContent("2026-11-11"), "date" } };
        form.Add(FileContent(MinimalPdf(), "application/pdf"), "files", "01-头版.pdf");
        form.Add(FileContent(Encoding.UTF8.GetBytes("这不是 PDF，只是一段文字。"), "application/pdf"), "files", "02-要闻.pdf");

        using var response = await PostAsync(client, "/desk/api/binjiang/imports", form, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("02-要闻.pdf", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await EditionCountAsync());
        Assert.Empty(UploadFolders());
    }

    [Fact]
    public async Task Loose_pages_without_a_date_are_refused_before_anything_is_imported()
    {
        var client = await SignInAsync("upload-nodate", DeskRoles.Admin);
        using var form = new MultipartFormDataContent();
        form.Add(FileContent(MinimalPdf(), "application/pdf"), "files", "01.pdf");

        using var response = await PostAsync(client, "/desk/api/binjiang/imports", form, await TokenAsync(client));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("日期", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(UploadFolders());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_by_name_and_an_upload_over_the_total_is_refused()
    {
        var client = await SignInAsync("upload-big", DeskRoles.Admin);
        var token = await TokenAsync(client);
        var before = await EditionCountAsync();

        using (var form = new MultipartFormDataContent { { new StringContent("2026-11-12"), "date" } })
        {
            form.Add(FileContent(PaddedPdf(UploadAppFactory.MaxFileBytes + 1), "application/pdf"), "files", "01-头版.pdf");
            using var response = await PostAsync(client, "/desk/api/binjiang/imports", form, token);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("01-头版.pdf", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var form = new MultipartFormDataContent { { new StringContent("2026-11-12"), "date" } })
        {
            // Each file within its own limit, together over the upload's.
            for (var i = 1; i <= 4; i++)
            {
                form.Add(FileContent(PaddedPdf(UploadAppFactory.MaxFileBytes - 1024), "application/pdf"), "files", $"0{i}.pdf");
            }

            using var response = await PostAsync(client, "/desk/api/binjiang/imports", form, token);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        Assert.Equal(before, await EditionCountAsync());
        Assert.Empty(UploadFolders());
    }

    [Fact]
    public async Task Anonymous_users_get_401_from_the_api_and_the_sign_in_page_for_the_upload_page()
    {
        var client = app.NewClient();
        using var form = new MultipartFormDataContent();
        form.Add(FileContent(MinimalPdf(), "application/pdf"), "files", "01.pdf");

        using var post = await client.PostAsync(new Uri("/desk/api/binjiang/imports", UriKind.Relative), form);
        using var get = await client.GetAsync(new Uri("/desk/api/imports/" + Guid.NewGuid().ToString("N"), UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/desk/binjiang/upload", UriKind.Relative));

        Assert.True(post.StatusCode == HttpStatusCode.Unauthorized, $"{(int)post.StatusCode} {await post.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/desk/login", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_of_another_publication_is_refused_and_nothing_changes()
    {
        // A job of binjiang's, which the other paper's editor may not follow either.
        var admin = await SignInAsync("upload-binjiang-admin", DeskRoles.Admin);
        using var adminForm = new MultipartFormDataContent { { new StringContent("2026-11-16"), "date" } };
        adminForm.Add(FileContent(MinimalPdf(), "application/pdf"), "files", "01.pdf");
        using var started = await PostAsync(admin, "/desk/api/binjiang/imports", adminForm, await TokenAsync(admin));
        var jobId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await DeskSession.WaitUntilFinishedAsync(admin, jobId);

        var client = await SignInAsync("upload-riverside", DeskRoles.Editor, TestEdition.EnglishSlug);
        var before = await EditionCountAsync();
        using var ownPage = await client.GetAsync(new Uri($"/desk/{TestEdition.EnglishSlug}/upload", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        var token = await TokenAsync(client, TestEdition.EnglishSlug);

        using var form = new MultipartFormDataContent { { new StringContent("2026-11-13"), "date" } };
        form.Add(FileContent(MinimalPdf(), "application/pdf"), "files", "01.pdf");
        using var post = await PostAsync(client, "/desk/api/binjiang/imports", form, token);
        using var page = await client.GetAsync(new Uri("/desk/binjiang/upload", UriKind.Relative));

        using var jobState = await client.GetAsync(new Uri("/desk/api/imports/" + jobId, UriKind.Relative));
        using var jobPage = await client.GetAsync(new Uri("/desk/imports/" + jobId, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/desk/denied", page.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, jobState.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, jobPage.StatusCode);
        Assert.Equal("/desk/denied", jobPage.Headers.Location!.AbsolutePath);
        Assert.Equal(before, await EditionCountAsync());
    }

    [Fact]
    public async Task An_upload_without_the_form_token_is_refused_with_400()
    {
        var client = await SignInAsync("upload-notoken", DeskRoles.Admin);
        var before = await EditionCountAsync();
        using var form = new MultipartFormDataContent { { new StringContent("2026-11-14"), "date" } };
        form.Add(FileContent(MinimalPdf(), "application/pdf"), "files", "01.pdf");

        using var response = await client.PostAsync(new Uri("/desk/api/binjiang/imports", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await EditionCountAsync());
        Assert.Empty(UploadFolders());
    }

    private static async Task<JsonElement> UploadWithoutReplaceAsync(HttpClient client, string slug, DateOnly date)
    {
        var token = await TokenAsync(client, slug);
        using var form = new MultipartFormDataContent { { new StringContent(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "date" } };
        form.Add(FileContent(MinimalPdf(), "application/pdf"), "files", "01.pdf");
        using var response = await PostAsync(client, $"/desk/api/{slug}/imports", form, token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        return await DeskSession.WaitUntilFinishedAsync(client, accepted.GetProperty("id").GetString()!);
    }

    private async Task<HttpClient> SignInAsync(string userName, string role, params string[] publications)
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(userName, Password, role, publications);
        }

        var client = app.NewClient();
        await DeskSession.SignInAsync(client, userName, Password);
        return client;
    }

    /// <summary>The token scripts send with writes, from the upload page's meta tag.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string slug = "binjiang")
    {
        var page = await client.GetDocumentAsync($"/desk/{slug}/upload");
        return page.QuerySelector("meta[name=request-verification-token]")!.GetAttribute("content")!;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, HttpContent content, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    private static ByteArrayContent FileContent(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static byte[] MinimalPdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");

    private static byte[] PaddedPdf(long length)
    {
        var bytes = new byte[length];
        MinimalPdf().CopyTo(bytes, 0);
        return bytes;
    }

    private async Task<int> EditionCountAsync()
    {
        await using var db = await NewDbAsync();
        return await db.Editions.CountAsync();
    }

    private async Task<BroadsheetDbContext> NewDbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>().CreateDbContextAsync();

    private string[] UploadFolders()
    {
        var staging = app.Services.GetRequiredService<DataFolder>().StagingPath;
        return Directory.Exists(staging) ? Directory.GetDirectories(staging, "upload-*") : [];
    }
}
