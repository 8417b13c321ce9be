using Broadsheet.TestKit.Nginx;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// Debian's nginx started with the repository's file <c>deploy/nginx/broadsheet-nodes.conf</c> in front of web nodes:
/// only the lines the file marks CHANGE are replaced (each node's port, a loopback port with a self-signed certificate,
/// the shared blob folder), inside the smallest <c>nginx.conf</c> that can hold it.
/// </summary>
internal sealed class NginxNodes : IAsyncDisposable
{
    private readonly string _work;
    private readonly string _main;

    private NginxNodes(string work, string main, Uri address)
    {
        _work = work;
        _main = main;
        Address = address;
    }

    public Uri Address { get; }

    public static string ConfigPath(string name) => NginxProcess.ConfigPath(name);

    public static async Task<NginxNodes> StartAsync(string work, string blobs, int nodeA, int nodeB)
    {
        var conf = File.ReadAllText(ConfigPath("broadsheet-nodes.conf"));
        Directory.CreateDirectory(Path.Combine(work, "tmp"));
        var (certificate, key) = NginxProcess.SelfSigned(work);
        var port = NginxProcess.FreePort();
        conf = Replace(conf, "server 10.0.0.11:5080 ", $"server 127.0.0.1:{nodeA} ");
        conf = Replace(conf, "server 10.0.0.12:5080 ", $"server 127.0.0.1:{nodeB} ");
        conf = Replace(conf, "listen 443 ssl http2;", $"listen 127.0.0.1:{port} ssl http2;");
        conf = Replace(conf, "ssl_certificate /etc/ssl/epaper.example.org.pem;", $"ssl_certificate {certificate};");
        conf = Replace(conf, "ssl_certificate_key /etc/ssl/private/epaper.example.org.key;", $"ssl_certificate_key {key};");
        conf = Replace(conf, "alias /srv/paper/blobs/;", $"alias {blobs}/;");
        File.WriteAllText(Path.Combine(work, "broadsheet-nodes.conf"), conf);

        var tmp = Path.Combine(work, "tmp");
        var main = Path.Combine(work, "nginx.conf");
        File.WriteAllText(main, $$"""
            {{NginxProcess.UserLine}}
            worker_processes 1;
            pid {{work}}/nginx.pid;
            error_log {{work}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{tmp}}; proxy_temp_path {{tmp}}; fastcgi_temp_path {{tmp}}; uwsgi_temp_path {{tmp}}; scgi_temp_path {{tmp}};
                include {{work}}/broadsheet-nodes.conf;
            }
            """);
        await NginxProcess.RunAsync(["-c", main, "-p", work]);
        return new NginxNodes(work, main, new Uri($"https://127.0.0.1:{port}/"));
    }

    /// <summary>A client that trusts the test's own certificate and follows no redirect.</summary>
    public HttpClient Client() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>What nginx logged at warn and above: a node it found down, a retry.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_work, "error.log")) ? File.ReadAllText(Path.Combine(_work, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_work, "nginx.pid")))
        {
            await NginxProcess.RunAsync(["-c", _main, "-p", _work, "-s", "stop"]);
        }
    }

    private static string Replace(string conf, string line, string with) =>
        conf.Contains(line, StringComparison.Ordinal)
            ? conf.Replace(line, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx/broadsheet-nodes.conf: no line '{line}' to change; keep the test and the file in step");
}
