using Broadsheet.TestKit.Sites;

namespace Broadsheet.Cli.Tests;

/// <summary><c>broadsheet migrate-site</c> on a generated two-edition site mirror, the second edition broken, then mended and run again.</summary>
public sealed class MigrateSiteCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-site-data-").FullName;
    private readonly string _site = Directory.CreateTempSubdirectory("broadsheet-cli-site-").FullName;

    [Fact]
    public async Task A_broken_edition_is_one_line_on_stderr_the_other_goes_in_and_a_rerun_after_mending_it_adds_only_that_one()
    {
        var mirror = SiteMirrorWriter.Write(_site, [(new DateOnly(2015, 3, 8), SiteMarkup.FounderElements), (new DateOnly(2015, 3, 9), SiteMarkup.EnpProperty)]);
        var node = Path.Combine(mirror.HostFolder, "html", "2015-03", "09", "node_3.htm");
        var good = File.ReadAllText(node);
        File.WriteAllText(node, good.Replace("<map name=\"PagePicMap\">", "<map name=\"PagePicMap\"><area shape=\"rect\" coords=\"0,0,20,20\" href=\"http://ads.example.com/\">", StringComparison.Ordinal));
        Assert.Equal(0, (await BroadsheetProcess.RunAsync("publication", "add", "binjiang", "--name", "滨江日报", "--data", _data)).ExitCode);
        string[] migrate = ["migrate-site", _site, "--publication", "binjiang", "--data", _data];
        var articles = mirror.Articles.Count(a => a.Date.Day == 8);
        var links = articles + (3 * mirror.Pages.Count(p => p.Date.Day == 8)); // each page view, its image and its PDF

        var first = await BroadsheetProcess.RunAsync(migrate);

        Assert.True(first.ExitCode == 1, first.Output + first.Error);
        Assert.Contains($"  [1/2] 2015-03-08: 4 pages, {articles} articles, {links} old links", first.Output, StringComparison.Ordinal);
        Assert.Contains("  [2/2] 2015-03-09: refused, nothing changed: html/2015-03/09/node_3.htm: its hotspot links to 'http://ads.example.com/'", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Site: 1 editions imported (4 pages, {articles} articles), 0 already in, 1 refused; {links} old links redirect.", first.Output, StringComparison.Ordinal);
        var error = Assert.Single(first.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("broadsheet: html/2015-03/09/node_3.htm: its hotspot links to 'http://ads.example.com/', outside the mirror folder; only what the mirror holds is imported", error);

        File.WriteAllText(node, good);
        var second = await BroadsheetProcess.RunAsync(migrate);

        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("  [1/2] 2015-03-08: already in, skipped", second.Output, StringComparison.Ordinal);
        Assert.Contains("  [2/2] 2015-03-09: 4 pages, ", second.Output, StringComparison.Ordinal);
        Assert.Contains("Site: 1 editions imported (4 pages, ", second.Output, StringComparison.Ordinal);
        Assert.Contains("1 already in, 0 refused", second.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_site, recursive: true);
        if (Directory.Exists(_site + "-samples"))
        {
            Directory.Delete(_site + "-samples", recursive: true);
        }
    }
}
