using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Broadsheet.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>Desk accounts and signed-in clients for tests.</summary>
internal static class DeskSession
{
    public const string Password = "a-long-enough-password";

    /// <summary>Creates a desk user through the same service <c>broadsheet users add</c> uses.</summary>
    public static async Task CreateUserAsync(IServiceProvider services, string name, string role, params string[] publications)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(name, Password, role, publications);
    }

    /// <summary>Signs <paramref name="client"/> in through the login form, antiforgery token and all.</summary>
    public static async Task SignInAsync(HttpClient client, string name, string password = Password)
    {
        using var response = await PostLoginAsync(client, name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {name}: {(int)response.StatusCode}");
        Assert.Equal("/desk", response.Headers.Location?.OriginalString);
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string name, string password)
    {
        var token = await TokenAsync(client, "/desk/login");
        return await client.PostAsync(new Uri("/desk/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = name,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery request token of a desk page (its form field, or the layout's meta tag).</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? document.QuerySelector("meta[name=request-verification-token]")?.GetAttribute("content")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token");
    }

    /// <summary>Posts a form with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDictionary<string, string>? fields = null, string? tokenFrom = null)
    {
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = await TokenAsync(client, tokenFrom ?? url.Split('?')[0]),
        };
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// The desk's import job <paramref name="id"/> once it has finished, asked every quarter second. Bounded, not
    /// timed: an import that never finishes fails here after <paramref name="asks"/> asks instead of hanging the run.
    /// </summary>
    public static async Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, string id, int asks = 1200)
    {
        for (var attempt = 0; attempt < asks; attempt++)
        {
            var state = await client.GetFromJsonAsync<JsonElement>(new Uri("/desk/api/imports/" + id, UriKind.Relative));
            if (state.GetProperty("finished").GetBoolean())
            {
                return state;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"import {id} never finished");
        return default;
    }
}
