using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>The desk's users and a second publication's editor, over their own data folder.</summary>
public sealed class DeskAppFactory : ReaderAppFactory
{
    public const string Admin = "chief";
    public const string OwnEditor = "binjiang-editor";
    public const string OtherEditor = "riverside-editor";

    protected override async Task AfterSeedAsync()
    {
        await DeskSession.CreateUserAsync(Services, Admin, DeskRoles.Admin);
        await DeskSession.CreateUserAsync(Services, OwnEditor, DeskRoles.Editor, TestEdition.Slug);
        await DeskSession.CreateUserAsync(Services, OtherEditor, DeskRoles.Editor, TestEdition.EnglishSlug);
    }
}

/// <summary>
/// Finds every desk page, page handler and desk API endpoint the application maps, and checks that anonymous
/// users and an editor of another publication are refused by each, and that nothing they sent changed anything.
/// A new desk endpoint is covered without touching this test; one with a route value this test cannot fill
/// fails it until a value is added to <see cref="Fill"/>.
/// </summary>
public sealed class DeskAccessTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    private static readonly string[] OpenPages = ["/desk/login", "/desk/denied"];

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_by_every_desk_page_and_refused_by_every_desk_endpoint()
    {
        var before = await FingerprintAsync();
        var anonymous = app.NewClient();
        var failures = new List<string>();

        foreach (var target in await TargetsAsync())
        {
            if (OpenPages.Contains(target.Url.Split('?')[0], StringComparer.Ordinal))
            {
                continue;
            }

            using var response = await SendAsync(anonymous, target, token: null);
            var location = response.Headers.Location?.OriginalString ?? "";
            var refused = target.IsApi
                ? response.StatusCode is HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && location.Contains("/desk/login", StringComparison.Ordinal);
            if (!refused)
            {
                failures.Add($"{target}: {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(failures.Count == 0, "Not refused to an anonymous user:\n" + string.Join('\n', failures));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task An_editor_of_another_publication_is_refused_everything_of_this_one_and_every_admin_page()
    {
        var before = await FingerprintAsync();
        var other = app.NewClient();
        await DeskSession.SignInAsync(other, DeskAppFactory.OtherEditor);
        var token = await DeskSession.TokenAsync(other, "/desk");
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var target in await TargetsAsync())
        {
            if (!target.TouchesPublication && !target.IsAdminOnly)
            {
                continue;
            }

            checkedCount++;
            using var response = await SendAsync(other, target, token);
            var location = response.Headers.Location?.OriginalString ?? "";
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/desk/denied", StringComparison.Ordinal))
                // A write whose body the endpoint cannot even read is refused before it looks at anything.
                || (target.IsApi && target.Method != "GET" && response.StatusCode == HttpStatusCode.BadRequest);
            if (!refused)
            {
                failures.Add($"{target}: {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(checkedCount >= 8, $"only {checkedCount} desk endpoints were found to check");
        Assert.True(failures.Count == 0, "Not refused to another publication's editor:\n" + string.Join('\n', failures));
        Assert.Equal(before, await FingerprintAsync());
        var home = await other.GetDocumentAsync("/desk");
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/desk/" + TestEdition.Slug);
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/desk/" + TestEdition.EnglishSlug);
    }

    [Fact]
    public async Task The_publications_own_editor_and_the_admin_open_every_desk_page_the_others_are_refused()
    {
        // The control for the two tests above: the same URLs, filled the same way, do open for those allowed.
        var own = app.NewClient();
        await DeskSession.SignInAsync(own, DeskAppFactory.OwnEditor);
        var admin = app.NewClient();
        await DeskSession.SignInAsync(admin, DeskAppFactory.Admin);
        var failures = new List<string>();

        // An import job's page needs a job that ran (DeskUploadTests follows one); here its id is an article's.
        foreach (var target in (await TargetsAsync()).Where(t => !t.IsApi && t.Method == "GET"
            && !t.Url.StartsWith("/desk/logout", StringComparison.Ordinal) && !t.Url.StartsWith("/desk/imports/", StringComparison.Ordinal)))
        {
            var client = target.IsAdminOnly ? admin : own;
            using var response = await client.GetAsync(new Uri(target.Url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK && !(target.Url == "/desk/denied" && response.StatusCode == HttpStatusCode.Forbidden))
            {
                failures.Add($"{target}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, "Not opened for a user who may:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_desk_pages_are_never_kept_by_caches_or_framed()
    {
        var own = app.NewClient();
        await DeskSession.SignInAsync(own, DeskAppFactory.OwnEditor);
        using var signedIn = await own.GetAsync(new Uri("/desk/binjiang", UriKind.Relative));

        using var signOut = await DeskSession.PostFormAsync(own, "/desk/logout", tokenFrom: "/desk");
        using var after = await own.GetAsync(new Uri("/desk/binjiang", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("no-store", signedIn.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", string.Join(',', signedIn.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/desk/login", after.Headers.Location!.PathAndQuery.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_without_the_antiforgery_token_is_refused()
    {
        var own = app.NewClient();
        await DeskSession.SignInAsync(own, DeskAppFactory.OwnEditor);
        var before = await FingerprintAsync();

        using var response = await own.PostAsync(
            new Uri($"/desk/binjiang/{TestEdition.DraftDay:yyyy-MM-dd}?handler=Publish", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_client_refuse_it_even_the_right_one()
    {
        await DeskSession.CreateUserAsync(app.Services, "guessed", DeskRoles.Editor, TestEdition.Slug);
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await DeskSession.PostLoginAsync(client, "guessed", "not-the-password-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await DeskSession.PostLoginAsync(client, "guessed", DeskSession.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("要等 15 分钟才能再试", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>().AuditLog
            .Where(e => e.User == "guessed").Select(e => e.Action).ToListAsync();
        Assert.Contains("sign-in-locked", actions);
    }

    private sealed record Target(string Method, string Url, bool IsApi, bool TouchesPublication, bool IsAdminOnly)
    {
        public override string ToString() => $"{Method} {Url}";
    }

    /// <summary>Every desk endpoint as a request to make: pages once per handler method, API routes once per verb.</summary>
    private async Task<IReadOnlyList<Target>> TargetsAsync()
    {
        var articleId = await ArticleIdAsync();
        var (editionId, imageId) = await EditionAndImageAsync();
        var targets = new List<Target>();
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
            if (!raw.StartsWith("/desk", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var url = Fill(pattern, articleId, editionId, imageId);
            var touches = pattern.Parameters.Count > 0;
            var adminOnly = raw.StartsWith("/desk/admin", StringComparison.Ordinal);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                // Handler methods are known once the page is compiled, which the page loader does on demand.
                var page = await app.Services.GetRequiredService<PageLoader>().LoadAsync(descriptor, endpoint.Metadata);
                foreach (var handler in page.HandlerMethods)
                {
                    var query = handler.Name is null ? "" : "?handler=" + handler.Name;
                    targets.Add(new Target(handler.HttpMethod.ToUpperInvariant(), url + query, false, touches, adminOnly));
                }

                if (page.HandlerMethods.Count == 0)
                {
                    targets.Add(new Target("GET", url, false, touches, adminOnly));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                targets.AddRange(methods.Select(m => new Target(m, url, true, touches, adminOnly)));
            }
        }

        return targets;
    }

    private static string Fill(RoutePattern pattern, int articleId, int editionId, int imageId)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { Name: "slug" } => TestEdition.Slug,
                    RoutePatternParameterPart { Name: "date" } => TestEdition.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    RoutePatternParameterPart { Name: "page" or "label" } => "01",
                    RoutePatternParameterPart { Name: "id" } => articleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RoutePatternParameterPart { Name: "editionId" } => editionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RoutePatternParameterPart { Name: "imageId" } => imageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RoutePatternParameterPart parameter => throw new InvalidOperationException(
                        $"DeskAccessTests cannot fill {{{parameter.Name}}} in /{pattern.RawText}; add a value for it."),
                    _ => throw new InvalidOperationException($"unexpected route part in /{pattern.RawText}"),
                });
            }

            segments.Add(text.ToString());
        }

        return "/" + string.Join('/', segments);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Target target, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), new Uri(target.Url, UriKind.Relative));
        if (target.Method != "GET" && target.Method != "HEAD")
        {
            var fields = new Dictionary<string, string>();
            if (token is not null)
            {
                fields["__RequestVerificationToken"] = token;
                request.Headers.Add("RequestVerificationToken", token);
            }

            request.Content = target.IsApi
                ? new StringContent("{}", new MediaTypeHeaderValue("application/json"))
                : new FormUrlEncodedContent(fields);
        }

        return await client.SendAsync(request);
    }

    private async Task<int> ArticleIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>();
        return await db.Articles.Where(a => a.Edition.Publication.Slug == TestEdition.Slug && a.Edition.Date == TestEdition.Day)
            .OrderBy(a => a.Order).Select(a => a.Id).FirstAsync();
    }

    /// <summary>The test paper's edition of the day and one of its photos, for the endpoints that name them.</summary>
    private async Task<(int EditionId, int ImageId)> EditionAndImageAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>();
        var editionId = await db.Editions.Where(e => e.Publication.Slug == TestEdition.Slug && e.Date == TestEdition.Day).Select(e => e.Id).SingleAsync();
        var imageId = await db.ArticleImages.Where(i => i.Article.EditionId == editionId).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        return (editionId, imageId);
    }

    /// <summary>Everything a refused request might have changed: editions, articles with their regions, publications.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDbContext>();
        var editions = await db.Editions.AsNoTracking().Include(e => e.Articles).ThenInclude(a => a.Regions).ThenInclude(r => r.Page)
            .Include(e => e.Articles).ThenInclude(a => a.Images)
            .OrderBy(e => e.Id).AsSplitQuery().ToListAsync();
        var publications = await db.Publications.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var text = new StringBuilder();
        foreach (var p in publications)
        {
            text.Append(p.Slug).Append(p.Name).Append(p.Language).Append(p.TimeZoneId).Append(string.Join('|', p.FooterLines)).Append(p.ImportAsDraft).Append('\n');
        }

        foreach (var e in editions)
        {
            text.Append(e.Id).Append(e.Status).Append(e.PublishedAt).Append('\n');
            foreach (var a in e.Articles.OrderBy(a => a.Order))
            {
                text.Append(ArticleSnapshot.Of(a));
            }
        }

        text.Append(await db.ArticleRevisions.CountAsync()).Append(' ').Append(await db.Editions.CountAsync());
        return text.ToString();
    }
}
