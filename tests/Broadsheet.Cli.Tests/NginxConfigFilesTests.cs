namespace Broadsheet.Cli.Tests;

/// <summary>
/// deploy/nginx holds the site twice, for one node and for several; an operator copies one or the other, so a fix made
/// to one (a header, a blocked path) must be in both. They may differ only in the upstream block and the retry.
/// </summary>
public sealed class NginxConfigFilesTests
{
    [Fact]
    public void The_several_nodes_site_is_the_one_node_site_but_for_its_upstream_and_retries()
    {
        var one = Site(File.ReadAllText(NginxNodes.ConfigPath("broadsheet.conf")));
        var several = Site(File.ReadAllText(NginxNodes.ConfigPath("broadsheet-nodes.conf")))
            .Where(line => !line.StartsWith("proxy_next_upstream ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(one, several);
    }

    /// <summary>The directives after the upstream block, without comments or blank lines.</summary>
    private static List<string> Site(string conf) =>
        [.. conf[conf.IndexOf("\nserver {", StringComparison.Ordinal)..]
            .Split('\n')
            .Select(line => (line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line).Trim())
            .Where(line => line.Length > 0)];
}
