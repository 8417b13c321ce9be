using Broadsheet.TestKit.Nginx;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// nginx started with the repository's production file <c>deploy/nginx/broadsheet.conf</c> in front of a running
/// server: only the lines the file marks CHANGE are replaced (the app's port, a loopback port with a self-signed
/// certificate, the blob folder), inside the smallest <c>nginx.conf</c> that can hold it.
/// </summary>
internal sealed class NginxFront : IAsyncDisposable
{
    private readonly string _work;
    private readonly string _conf;

    private NginxFront(string work, string conf, Uri address)
    {
        _work = work;
        _conf = conf;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What nginx logged, for a failing test's message.</summary>
    public string ErrorLog => NginxProcess.ErrorLog(Path.Combine(_work, "error.log"));

    public static string? Binary => NginxProcess.Binary;

    public static async Task<NginxFront> StartAsync(BrowserServer app, string work)
    {
        var production = File.ReadAllText(NginxProcess.ConfigPath("broadsheet.conf"));
        Directory.CreateDirectory(Path.Combine(work, "tmp"));
        var (certificate, key) = NginxProcess.SelfSigned(work);
        var port = NginxProcess.FreePort();
        var conf = Replace(production, "server 127.0.0.1:5000;", $"server 127.0.0.1:{app.BaseAddress.Port};");
        conf = Replace(conf, "listen 443 ssl http2;", $"listen 127.0.0.1:{port} ssl http2;");
        conf = Replace(conf, "ssl_certificate /etc/ssl/epaper.example.org.pem;", $"ssl_certificate {certificate};");
        conf = Replace(conf, "ssl_certificate_key /etc/ssl/private/epaper.example.org.key;", $"ssl_certificate_key {key};");
        conf = Replace(conf, "alias /srv/paper/blobs/;", $"alias {Path.Combine(app.DataPath, "blobs")}/;");
        File.WriteAllText(Path.Combine(work, "broadsheet.conf"), conf);

        var tmp = Path.Combine(work, "tmp");
        var main = Path.Combine(work, "nginx.conf");
        File.WriteAllText(main, $$"""
            {{NginxProcess.UserLine}}
            worker_processes 1;
            pid {{work}}/nginx.pid;
            error_log {{work}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{tmp}}; proxy_temp_path {{tmp}}; fastcgi_temp_path {{tmp}}; uwsgi_temp_path {{tmp}}; scgi_temp_path {{tmp}};
                include {{work}}/broadsheet.conf;
            }
            """);
        await NginxProcess.RunAsync(["-c", main, "-p", work]);
        return new NginxFront(work, main, new Uri($"https://127.0.0.1:{port}/"));
    }

    /// <summary>A client that trusts the test's own certificate and follows no redirect.</summary>
    public HttpClient Client() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_work, "nginx.pid")))
        {
            await NginxProcess.RunAsync(["-c", _conf, "-p", _work, "-s", "stop"]);
        }
    }

    private static string Replace(string conf, string line, string with) =>
        conf.Contains(line, StringComparison.Ordinal)
            ? conf.Replace(line, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx/broadsheet.conf: no line '{line}' to change; keep the test and the file in step");
}
