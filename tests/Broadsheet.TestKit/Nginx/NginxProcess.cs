using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Broadsheet.TestKit.Nginx;

/// <summary>
/// What the tests that put Debian's nginx in front of the app share: the binary, running it, a loopback certificate
/// for its TLS listener, a free port, and the repository's own deploy/nginx files.
/// </summary>
public static class NginxProcess
{
    /// <summary>nginx's binary; null where it is not installed.</summary>
    public static string? Binary => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// The <c>user</c> line of a test's own nginx.conf: nginx's workers run as the user running the tests, who wrote the
    /// files they serve. As root, nginx would otherwise hand its workers to <c>nobody</c>, which reads a file only where
    /// every folder above it is open to others: true under umask 022, not under a CI runner's 077 or a private TMPDIR.
    /// Not root, nginx cannot change user and the line would only draw a warning, so it is empty.
    /// </summary>
    public static string UserLine => Environment.UserName == "root" ? "user root root;" : "";

    /// <summary>What nginx wrote to <paramref name="errorLog"/>, for a failing test's message; empty when it wrote nothing.</summary>
    public static string ErrorLog(string errorLog) =>
        File.Exists(errorLog) ? $"{Environment.NewLine}nginx's {errorLog}:{Environment.NewLine}{File.ReadAllText(errorLog)}" : "";

    /// <summary>Runs nginx with <paramref name="arguments"/> (it daemonises); throws with its error output when it fails.</summary>
    public static async Task RunAsync(IEnumerable<string> arguments)
    {
        var binary = Binary ?? throw new InvalidOperationException("nginx is not installed (scripts/install-deps --test installs it)");
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"nginx {string.Join(' ', start.ArgumentList)}: exit {process.ExitCode}: {error}");
        }
    }

    /// <summary>A self-signed certificate for 127.0.0.1, valid a day either side of now, as PEM files in <paramref name="work"/>.</summary>
    public static (string Certificate, string Key) SelfSigned(string work)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(work, "cert.pem");
        var keyPath = Path.Combine(work, "key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportRSAPrivateKeyPem());
        return (certPath, keyPath);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A file of the repository's deploy/nginx folder, which the tests run as it is but for its CHANGE lines.</summary>
    public static string ConfigPath(string name) => Path.Combine(RepositoryRoot(), "deploy", "nginx", name);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Broadsheet.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("no Broadsheet.slnx above " + AppContext.BaseDirectory);
    }
}
