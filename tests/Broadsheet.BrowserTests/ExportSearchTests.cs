using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Broadsheet.BrowserTests.Fixtures;
using Broadsheet.Core.Ports;
using Broadsheet.TestKit.Nginx;
using Broadsheet.Web.OpenData.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Broadsheet.BrowserTests.Fixtures.Reader;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 17, item 5: the static export served by nginx alone (no app behind it), searched in Chromium through Pagefind's
/// index built on the export: a word of a known article's headline finds that article, and the hit opens it from the export.
/// </summary>
[Collection(SecondPassCollection.Name)]
public sealed class ExportSearchTests(SecondPassServer server, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_export_behind_nginx_finds_an_article_by_a_word_of_its_headline()
    {
        Skip.If(NginxFront.Binary is null, "nginx is not installed (scripts/install-deps --bench installs it)");
        var pagefind = PagefindIndex.Find(Installed());
        Skip.If(pagefind is null, "Pagefind is not installed: run `npm ci` in src/Broadsheet.Cli (scripts/install-deps does).");
        var work = Path.Combine(server.Root, "export-" + Guid.NewGuid().ToString("N")[..8]);
        var site = Path.Combine(work, "site");
        using (var app = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress })
        {
            var exporter = new StaticExporter(app, new ExportSettings(site, "binjiang"), server.Services.GetRequiredService<IBlobStore>(), server.Services.GetRequiredService<IReaderEditions>());
            await exporter.RunAsync(["binjiang"], null, CancellationToken.None);
        }

        output.WriteLine(await PagefindIndex.BuildAsync(pagefind!, site, CancellationToken.None));
        var article = (await EditionAsync(server, "2026-11-02")).GetProperty("pages")[0].GetProperty("articles")[0];
        var headline = article.GetProperty("headline").GetString()!;
        var url = new Uri(article.GetProperty("readerUrl").GetString()!, UriKind.RelativeOrAbsolute);
        var articlePath = (url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString) + "/";
        var port = FreePort();
        using var nginx = StartNginx(work, site, port);
        try
        {
            await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "zh-CN" });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            var fromApp = new List<string>();
            page.Request += (_, request) =>
            {
                if (request.Url.StartsWith(server.BaseAddress.ToString(), StringComparison.Ordinal))
                {
                    fromApp.Add(request.Url);
                }
            };

            // The exported page's search box sends ?q= to the export's own search page (ExportCommandTests checks the form).
            await page.GotoAsync($"http://127.0.0.1:{port}/binjiang/2026-11-02/01/");
            Assert.Equal(1, await page.Locator("form[action='/search/'] input[name='q']").CountAsync());
            await page.GotoAsync($"http://127.0.0.1:{port}/search/?q={Uri.EscapeDataString(headline)}");
            var hit = page.Locator($".pagefind-ui__result-link[href^='{articlePath}']").First;
            await Expect(hit).ToBeVisibleAsync();
            await ShotAsync(page, "export-pagefind-search", "desktop");
            output.WriteLine($"searched '{headline}': {await page.Locator(".pagefind-ui__result").CountAsync()} results");
            // The excerpt is the article's text, not the words of its toolbar.
            Assert.DoesNotContain("朗读", await page.Locator(".pagefind-ui__result-excerpt").First.InnerTextAsync(), StringComparison.Ordinal);

            await hit.ClickAsync();
            await page.ArrivedAsync(u => u.Contains(articlePath, StringComparison.Ordinal));
            await Expect(page.GetByText(headline).First).ToBeVisibleAsync();
            Assert.Empty(fromApp);
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            output.WriteLine(NginxProcess.ErrorLog(Path.Combine(work, "nginx", "error.log")));
        }
    }

    /// <summary>Pagefind as scripts/install-deps installs it for the command (src/Broadsheet.Cli's npm package), or null for the usual search.</summary>
    private static string? Installed()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx")))
        {
            dir = dir.Parent;
        }

        var binary = dir is null ? null : Path.Combine(dir.FullName, "src", "Broadsheet.Cli", "node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended");
        return binary is not null && File.Exists(binary) ? binary : null;
    }

    /// <summary>nginx as it comes, nothing but the export's folder as its root.</summary>
    private static Process StartNginx(string work, string site, int port)
    {
        var temp = Path.Combine(work, "nginx");
        Directory.CreateDirectory(temp);
        var config = Path.Combine(temp, "nginx.conf");
        File.WriteAllText(config, $$"""
            {{NginxProcess.UserLine}}
            worker_processes 1;
            daemon off;
            pid {{temp}}/nginx.pid;
            error_log {{temp}}/error.log warn;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{temp}}; proxy_temp_path {{temp}}; fastcgi_temp_path {{temp}}; uwsgi_temp_path {{temp}}; scgi_temp_path {{temp}};
                server {
                    listen 127.0.0.1:{{port}};
                    root {{site}};
                }
            }
            """);
        var start = new ProcessStartInfo(NginxFront.Binary!) { RedirectStandardError = true };
        foreach (var argument in new[] { "-c", config, "-p", temp, "-e", Path.Combine(temp, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient("127.0.0.1", port);
                return process;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
