using System.Net;
using System.Text.RegularExpressions;

namespace Broadsheet.Cli.Tests;

/// <summary>A desk user's browser, reduced to what the crash tests need: sign in, read a form off a page, post it back.</summary>
/// <param name="cookies">Another session's cookies, to be the same browser at another address (another web node); null for a new browser.</param>
internal sealed partial class DeskSession : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="baseUrl">The server.</param>
    /// <param name="cookies">Another session's cookies, to be the same browser at another address (another web node); null for a new browser.</param>
    public DeskSession(string baseUrl, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>The browser's cookies (they ignore the port, so every node on 127.0.0.1 is sent them).</summary>
    public CookieContainer Cookies { get; }

    public async Task SignInAsync(string user, string password)
    {
        var form = await FormAsync("/desk/login", null);
        form.Fields["userName"] = user;
        form.Fields["password"] = password;
        var response = await PostAsync(form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in answered {(int)response.StatusCode}");
        }
    }

    /// <summary>The fields of the form on <paramref name="page"/> whose action has <c>handler=</c><paramref name="handler"/> (the first form when null).</summary>
    public async Task<Form> FormAsync(string page, string? handler)
    {
        var html = await _http.GetStringAsync(page);
        foreach (Match form in FormPattern().Matches(html))
        {
            var action = WebUtility.HtmlDecode(Attribute(form.Groups["tag"].Value, "action") ?? page);
            if (handler is not null && !action.Contains("handler=" + handler, StringComparison.Ordinal))
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
            {
                var tag = input.Value;
                var type = Attribute(tag, "type");
                if (Attribute(tag, "name") is { } name && ((type != "checkbox" && type != "radio") || tag.Contains(" checked", StringComparison.Ordinal)))
                {
                    fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? (type == "checkbox" ? "on" : ""));
                }
            }

            foreach (Match area in TextAreaPattern().Matches(form.Groups["body"].Value))
            {
                fields[area.Groups["name"].Value] = WebUtility.HtmlDecode(area.Groups["text"].Value).TrimStart('\n');
            }

            return new Form(action, fields);
        }

        return new Form(null, []);
    }

    public async Task<HttpResponseMessage> PostAsync(Form form)
    {
        using var content = new FormUrlEncodedContent(form.Fields);
        return await _http.PostAsync(form.Action, content);
    }

    /// <summary>
    /// Posts files as the upload page's plain form does (no script), with the page's antiforgery token and
    /// <paramref name="fields"/>; answers the redirect to the job's page.
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(string page, IReadOnlyDictionary<string, string> fields, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(files);
        var html = await _http.GetStringAsync(page);
        var token = InputPattern().Matches(html).Select(m => m.Value).Where(tag => Attribute(tag, "name") == "__RequestVerificationToken").Select(tag => Attribute(tag, "value")).FirstOrDefault()
            ?? throw new InvalidOperationException($"{page} has no form token (is the desk signed in on this node?)");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(part, "files", Path.GetFileName(file));
        }

        return await _http.PostAsync(page, content);
    }

    public Task<string> GetStringAsync(string url) => _http.GetStringAsync(url);

    public void Dispose() => _http.Dispose();

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, "\\s" + name + "=\"(?<v>[^\"]*)\"") is { Success: true } m ? m.Groups["v"].Value : null;

    [GeneratedRegex("<form(?<tag>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea[^>]*\\sname=\"(?<name>[^\"]*)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaPattern();

    /// <summary>A form as a browser would send it; <see cref="Action"/> is null when the page had no such form.</summary>
    public sealed record Form(string? Action, Dictionary<string, string> Fields);
}
