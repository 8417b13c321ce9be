using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>
/// The seeded application with desk users: <see cref="Editor"/> works on the test paper, <see cref="Outsider"/>
/// only on the English one. Page 03 carries a review note and the edition an article printed nowhere.
/// </summary>
public class ReviewDeskFactory : ReaderAppFactory
{
    public const string Editor = "xiaowang";
    public const string Outsider = "riverside-editor";
    public const string Password = "correct horse battery";
    public const string ReviewNote = "本版文字层不可靠，请对照版面图检查。";
    public const string Unplaced = "还没有区域的稿子";

    protected override async Task AfterSeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<DeskAccounts>();
        await accounts.AddAsync(Editor, Password, DeskRoles.Editor, [TestEdition.Slug]);
        await accounts.AddAsync(Outsider, Password, DeskRoles.Editor, [TestEdition.EnglishSlug]);

        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var edition = await db.Editions.Include(e => e.Pages).Include(e => e.Articles)
            .SingleAsync(e => e.Publication.Slug == TestEdition.Slug && e.Date == TestEdition.Day);
        edition.FindPage("03")!.ReviewNote = ReviewNote;
        edition.AddArticle(new ArticleContent { Headline = Unplaced, Paragraphs = ["检测时没有找到它在版面上的位置。"] });
        await db.SaveChangesAsync();
    }

    /// <summary>The id of the main edition's article headed <paramref name="headline"/>.</summary>
    internal async Task<int> ArticleIdAsync(string headline)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Articles.Where(a => a.Headline == headline && a.Edition.Date == TestEdition.Day && a.Edition.Publication.Slug == TestEdition.Slug)
            .Select(a => a.Id).SingleAsync();
    }

    /// <summary>An article as stored now, with its regions and photos, or null when it is gone.</summary>
    internal async Task<Article?> ArticleAsync(int id)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Articles.AsNoTracking().Include(a => a.Regions).ThenInclude(r => r.Page).Include(a => a.Images)
            .SingleOrDefaultAsync(a => a.Id == id);
    }

    internal async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.AuditLog.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    /// <summary>A client that has signed in through the login form as <paramref name="user"/>.</summary>
    internal async Task<DeskClient> SignInAsync(string user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await DeskSession.SignInAsync(client, user, Password);
        return new DeskClient(client);
    }
}

/// <summary>A signed-in desk user's browser, as far as the tests need one: pages, forms with their token, the regions endpoint.</summary>
internal sealed class DeskClient(HttpClient client)
{
    public HttpClient Http => client;

    public Task<IDocument> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) => client.GetDocumentAsync(url, expected);

    /// <summary>The token the desk layout gives scripts, for a write from a page this user can open.</summary>
    public async Task<string> TokenAsync(string fromUrl = "/desk")
    {
        var doc = await client.GetDocumentAsync(fromUrl);
        return doc.QuerySelector("meta[name=request-verification-token]")!.GetAttribute("content")!;
    }

    public static string FormToken(IDocument doc) =>
        doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>
    /// Fills the form whose action ends with <paramref name="handler"/> on <paramref name="pageUrl"/> as the page rendered
    /// it, overrides <paramref name="values"/> (null leaves a field out, as an unticked checkbox), and posts it.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string handler, IReadOnlyDictionary<string, string?> values) =>
        await PostAsync(await FormAsync(pageUrl, handler), values);

    /// <summary>The form whose action ends with <paramref name="handler"/>, as <paramref name="pageUrl"/> renders it now.</summary>
    public async Task<IElement> FormAsync(string pageUrl, string handler)
    {
        var doc = await client.GetDocumentAsync(pageUrl);
        return doc.QuerySelectorAll("form[method=post]")
            .Single(f => f.GetAttribute("action")!.EndsWith("handler=" + handler, StringComparison.Ordinal));
    }

    /// <summary>Posts <paramref name="form"/> as rendered, with <paramref name="values"/> overridden (null leaves a field out).</summary>
    public async Task<HttpResponseMessage> PostAsync(IElement form, IReadOnlyDictionary<string, string?> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (values.ContainsKey(name))
            {
                continue;
            }

            if (element is AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" } box)
            {
                if (box.IsChecked)
                {
                    fields.Add(new(name, box.Value));
                }

                continue;
            }

            var value = element switch
            {
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value,
                AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
                _ => "",
            };
            fields.Add(new(name, value ?? ""));
        }

        fields.AddRange(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)));
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>PUTs an article's regions on one page; <paramref name="version"/> is the page's data-regions-version as the client saw it.</summary>
    public async Task<HttpResponseMessage> PutRegionsAsync(int articleId, string page, double[][][] polygons, string? token, string? version = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/desk/api/articles/{articleId}/regions", UriKind.Relative))
        {
            Content = JsonContent.Create(new { pages = new[] { new { page, polygons, version } } }),
        };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return await client.SendAsync(request);
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
