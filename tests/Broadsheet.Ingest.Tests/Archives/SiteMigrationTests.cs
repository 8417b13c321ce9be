using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Archives.Sites;
using Broadsheet.Ingest.Tests.Fakes;
using Broadsheet.Ingest.Tests.Import;
using Broadsheet.Ingest.Tests.Support;
using Broadsheet.TestKit.Sites;

namespace Broadsheet.Ingest.Tests.Archives;

/// <summary>
/// <c>migrate-site</c> on a generated mirror of a Founder-style e-paper site: two editions of sample pages, one in the
/// founder-* markup (UTF-8, the map over the image at its own size), one in the enpproperty markup (GB2312, the image
/// shown at half size), each page's image map drawn from the printed articles' true regions.
/// </summary>
public sealed class SiteMigrationTests : IDisposable
{
    private static readonly DateOnly First = new(2015, 3, 8);
    private static readonly DateOnly Second = new(2015, 3, 9);

    /// <summary>A map's corner is rounded to a whole pixel of an image shown 300 px wide: half a pixel is 1/600 of the page.</summary>
    private const double Pixel = 1.0 / 300;

    private readonly ImporterFixture _f = new();
    private readonly FakeOldLinks _links = new();

    public void Dispose() => _f.Dispose();

    private SiteMigrator Migrator => new(_f.Importer, _f.Store, _links, _f.Data);

    /// <summary>The mirror written once for the class (generating its two editions takes over a second); each test gets a copy of its own.</summary>
    private static readonly Lazy<GeneratedMirror> Written = new(() =>
    {
        var temp = new TempFolder();
        // xunit v2 has no assembly fixture: the written mirror goes when the test process does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => temp.Dispose();
        return SiteMirrorWriter.Write(temp.PathOf("mirror"), [(First, SiteMarkup.FounderElements), (Second, SiteMarkup.EnpProperty)]);
    });

    private GeneratedMirror Mirror() => SiteMirrorWriter.Copy(Written.Value, _f.PathOf("mirror"));

    [Fact]
    public async Task Every_edition_is_imported_with_the_sites_articles_where_its_hotspots_were_and_their_text()
    {
        var mirror = Mirror();

        var result = await Migrator.MigrateAsync(mirror.Folder, "binjiang");

        Assert.Empty(result.Refused);
        Assert.Equal((2, 0), (result.Imported, result.Skipped));
        Assert.Equal([First, Second], _f.Store.Editions.Select(e => e.Date).Order());
        foreach (var expected in mirror.Articles)
        {
            var edition = _f.Store.Editions.Single(e => e.Date == expected.Date);
            var truth = expected.Truth;
            var article = Assert.Single(edition.Articles, a => a.Headline == truth.Headline);
            Assert.Equal((truth.Kicker, truth.Subheadline, truth.Byline), (article.Kicker, article.Subheadline, article.Byline));
            Assert.Equal(truth.Paragraphs, article.Paragraphs);

            // Hotspots where they were: each region's outline, page by page, within the map's rounding.
            var given = truth.Regions.OrderBy(r => r.PageLabel, StringComparer.Ordinal).ThenBy(r => r.Points.Min(p => p.Y)).ToList();
            var imported = article.Regions.OrderBy(r => r.Page.Label, StringComparer.Ordinal).ThenBy(r => r.Polygon.Bounds.Top).ToList();
            Assert.Equal(given.Select(r => r.PageLabel), imported.Select(r => r.Page.Label));
            foreach (var (want, got) in given.Zip(imported))
            {
                var box = got.Polygon.Bounds;
                Assert.True(Near(want.Points.Min(p => p.X), box.Left) && Near(want.Points.Min(p => p.Y), box.Top)
                    && Near(want.Points.Max(p => p.X), box.Right) && Near(want.Points.Max(p => p.Y), box.Bottom),
                    $"{truth.Headline} on {want.PageLabel}: {box} is not where the site's hotspot was");
                Assert.Equal(want.Points.Count, got.Polygon.Points.Count);
            }
        }

        // Pages named as the site names them, and nothing left to detect on them.
        Assert.Equal(mirror.Pages.Where(p => p.Date == First).Select(p => (p.Label, p.Name)),
            _f.Store.Editions.Single(e => e.Date == First).Pages.OrderBy(p => p.Order).Select(p => (p.Label, p.Name)));
        Assert.Empty(_f.StagingFiles);
    }

    [Fact]
    public async Task Every_old_page_leads_to_the_permalink_that_shows_it()
    {
        var mirror = Mirror();

        var result = await Migrator.MigrateAsync(mirror.Folder, "binjiang");

        Assert.Equal((3 * mirror.Pages.Count) + mirror.Articles.Count, result.Links);
        foreach (var page in mirror.Pages)
        {
            Assert.Equal($"/binjiang/{page.Date:yyyy-MM-dd}/{page.Label}", await _links.FindAsync(page.OldPath));
            // The page's PDF and image files: that page's PDF and image, whichever file holds them when the link is followed.
            Assert.Equal($"/binjiang/{page.Date:yyyy-MM-dd}/{page.Label}.pdf", await _links.FindAsync(page.PdfPath));
            Assert.Equal($"/binjiang/{page.Date:yyyy-MM-dd}/{page.Label}.jpg", await _links.FindAsync(page.ImagePath));
        }

        foreach (var expected in mirror.Articles)
        {
            var target = await _links.FindAsync(expected.OldPath);
            Assert.NotNull(target);
            var parts = target.Split('/');
            Assert.Equal(("binjiang", expected.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (parts[1], parts[2]));
            var edition = _f.Store.Editions.Single(e => e.Date == expected.Date);
            var page = edition.Pages.Single(p => p.Label == parts[3]);
            var shown = ArticleHomes.On(edition, page)[int.Parse(parts[4], CultureInfo.InvariantCulture) - 1];
            Assert.Equal(expected.Truth.Headline, shown.Headline);
        }
    }

    [Fact]
    public async Task A_rerun_skips_the_editions_in_and_writes_the_links_a_killed_run_left_unwritten()
    {
        var mirror = Mirror();
        await Migrator.MigrateAsync(mirror.Folder, "binjiang");
        var before = _links.All.Count;
        _links.Forget(Second);

        var lines = new List<string>();
        var again = await Migrator.MigrateAsync(mirror.Folder, "binjiang", new Collect(lines));

        Assert.Equal((0, 2), (again.Imported, again.Skipped));
        Assert.Equal(2, _f.Store.Editions.Count);
        Assert.Equal(before, _links.All.Count);
        Assert.Equal(["2015-03-08: already in, skipped", $"2015-03-09: already in, skipped; {_links.All.Count(l => l.Date == Second)} old links written"], lines);
    }

    public static TheoryData<string, string, string, string, string> BadMirrors => new()
    {
        {
            "a hotspot leading outside the mirror folder", "node_3.htm", "href=\"content_", "href=\"../../../../../../etc/passwd#content_",
            "its hotspot links to '../../../../../../etc/passwd#content_10035.htm', outside the mirror folder"
        },
        {
            "a hotspot leading to another site", "node_3.htm", "href=\"content_", "href=\"http://ads.example.com/content_",
            "its hotspot links to 'http://ads.example.com/content_10035.htm', outside the mirror folder"
        },
        {
            "a page image outside the mirror", "node_2.htm", "src=\"../../../images/", "src=\"../../../../../images/",
            "its page image links to '../../../../../images/2015-03/09/01/2015030901_brief.jpg', outside the mirror folder"
        },
        {
            "a hotspot outside the image", "node_2.htm", "<map name=\"PagePicMap\">", "<map name=\"PagePicMap\"><area shape=\"rect\" coords=\"10,10,900,40\" href=\"node_2.htm\">",
            "the hotspot to node_2.htm reaches (900, 10), outside its page image (300 x 428.5 px)"
        },
        {
            "a hotspot whose coords are not numbers", "node_2.htm", "<map name=\"PagePicMap\">", "<map name=\"PagePicMap\"><area shape=\"poly\" coords=\"10,10,a,40,5,5\" href=\"node_2.htm\">",
            "the hotspot to node_2.htm has coords '10,10,a,40,5,5', which are not numbers"
        },
    };

    [Theory]
    [MemberData(nameof(BadMirrors))]
    public async Task A_bad_edition_is_refused_in_one_line_naming_the_file_and_the_other_goes_in(string what, string node, string find, string replace, string problem)
    {
        var mirror = Mirror();
        var path = Path.Combine(mirror.HostFolder, "html", "2015-03", "09", node);
        var html = File.ReadAllText(path);
        Assert.Contains(find, html, StringComparison.Ordinal);
        File.WriteAllText(path, html.Replace(find, replace, StringComparison.Ordinal));

        var result = await Migrator.MigrateAsync(mirror.Folder, "binjiang");

        var line = Assert.Single(result.Refused);
        Assert.True(line.StartsWith($"html/2015-03/09/{node}: {problem}", StringComparison.Ordinal), $"{what}: {line}");
        Assert.DoesNotContain('\n', line);
        Assert.Equal([First], _f.Store.Editions.Select(e => e.Date));
        Assert.DoesNotContain(_links.All, l => l.Date == Second);
        Assert.Empty(_f.StagingFiles);
    }

    [Theory]
    [InlineData("content page", "html/2015-03/09/content_", "its hotspot leads to html/2015-03/09/content_")]
    [InlineData("PDF", "page/2015-03/09/02/", "its PDF page/2015-03/09/02/")]
    [InlineData("page image", "images/2015-03/09/03/", "its page image images/2015-03/09/03/")]
    public async Task A_missing_file_refuses_its_edition_naming_the_page_that_links_to_it(string what, string prefix, string message)
    {
        var mirror = Mirror();
        var victim = Directory.EnumerateFiles(mirror.HostFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(mirror.HostFolder, f).Replace('\\', '/'))
            .Where(f => f.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .First();
        File.Delete(Path.Combine(mirror.HostFolder, victim));

        var result = await Migrator.MigrateAsync(mirror.Folder, "binjiang");

        var line = Assert.Single(result.Refused);
        Assert.Matches(@"^html/2015-03/09/node_\d+\.htm: ", line);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(victim), line, StringComparison.Ordinal);
        Assert.Equal([First], _f.Store.Editions.Select(e => e.Date));
        _ = what;
    }

    private static bool Near(double want, double got) => Math.Abs(want - got) <= Pixel;

    private sealed class Collect(List<string> lines) : IProgress<SiteProgress>
    {
        public void Report(SiteProgress value)
        {
            if (value.Line is not null)
            {
                lines.Add(value.Line);
            }
        }
    }
}
