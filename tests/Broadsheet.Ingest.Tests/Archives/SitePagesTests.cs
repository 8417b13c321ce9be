using System.Text;
using Broadsheet.Ingest.Archives.Sites;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Archives;

/// <summary>How the pages of Founder-style e-paper sites are read, one markup or path at a time.</summary>
public sealed class SitePagesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public SitePagesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("html/2015-03/08/", "2015-03-08")]
    [InlineData("szb/html/2015-03/08/", "2015-03-08")]
    [InlineData("paper/pc/layout/201503/08/", "2015-03-08")]
    [InlineData("20150308/", "2015-03-08")]
    [InlineData("2015/03/08/", "2015-03-08")]
    [InlineData("html/2015-13/08/", null)]
    [InlineData("html/index/", null)]
    [InlineData("node/12345678/", null)]
    public void An_editions_date_is_read_from_its_folders_path(string path, string? date) =>
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), SiteEdition.DateOf(path));

    public static TheoryData<string, string, string?, string, string, string?, string[]> Articles => new()
    {
        {
            "founder-* elements", "utf-8",
            "迎新春——",
            "<html><body><founder-introtitle>迎新春——</founder-introtitle><founder-title>滨江灯会<br>今晚开幕</founder-title><founder-subtitle></founder-subtitle>"
            + "<founder-author>本报记者 王晓明</founder-author><founder-content><p>\u3000\u3000第一段&nbsp;文字。</p><p>\u3000\u3000第二段。</p></founder-content></body></html>",
            "滨江灯会今晚开幕", "本报记者 王晓明", ["第一段 文字。", "第二段。"]
        },
        {
            "the enpproperty comment, GB2312", "gb2312",
            null,
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><!--enpproperty <articleid>9</articleid><author></author><title>江堤加固工程完工</title>"
            + "<subtitle></subtitle><introtitle></introtitle>/enpproperty--></head><body><div id=\"ozoom\"><!--enpcontent--><P>本报讯　工程于昨日完工。</P><!--/enpcontent--></div></body></html>",
            "江堤加固工程完工", null, ["本报讯　工程于昨日完工。"]
        },
        {
            "elements by id, text in ozoom with line breaks", "utf-8",
            "引题一行",
            "<html><body><p id=\"PreTitle\">引题一行</p><h2 id=\"Title\">主标题</h2><p id=\"SubTitle\">副标题</p>"
            + "<div id=\"ozoom\"><div class=\"inner\">\u3000\u3000甲段落<br>\u3000\u3000乙段落</div></div><div id=\"footer\">版权所有</div></body></html>",
            "主标题", null, ["甲段落", "乙段落"]
        },
        {
            "a photo with no title", "utf-8",
            null,
            "<html><body><founder-content><p>市民在江边观赏灯会。这是第二句。</p></founder-content></body></html>",
            "市民在江边观赏灯会", null, ["市民在江边观赏灯会。这是第二句。"]
        },
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void An_article_pages_fields_are_read_from_whichever_markup_it_has(string what, string charset, string? kicker, string html, string headline, string? byline, string[] paragraphs)
    {
        var mirror = Mirror(("html/2015-03/08/content_1.htm", Encoding.GetEncoding(charset == "gb2312" ? "gb18030" : charset).GetBytes(html)));

        var article = ContentPage.Read(mirror, Path.Combine(mirror.Root, "html", "2015-03", "08", "content_1.htm"));

        Assert.True((kicker, headline, byline) == (article.Kicker, article.Headline, article.Byline), $"{what}: {article}");
        Assert.Equal(paragraphs, article.Paragraphs);
    }

    [Theory]
    [InlineData("<title>滨江日报-第A02版：经济</title>", "A02", "经济")]
    [InlineData("<title>滨江日报</title></head><body><a href=\"node_2.htm\">第01版：要闻</a><a href=\"node_3.htm\">第02版：城事</a>", "02", "城事")]
    [InlineData("<title>滨江日报</title></head><body><a href=\"node_2.htm\">首版</a><strong>第 5 版:体育</strong>", "5", "体育")]
    [InlineData("<title>滨江日报</title></head><body>", "07", "")]
    public void A_page_views_label_and_name_come_from_its_title_its_own_link_or_its_heading(string head, string label, string name)
    {
        var mirror = Mirror(
            ("html/2015-03/08/node_3.htm", Encoding.UTF8.GetBytes($"<html><head>{head}<img src=\"p.png\" usemap=\"#m\"><map name=\"m\"></map></body></html>")),
            ("html/2015-03/08/p.png", TestPng.Create(60, 80, (_, _) => (255, 255, 255))));

        var page = NodePage.Read(mirror, Path.Combine(mirror.Root, "html", "2015-03", "08", "node_3.htm"), 7)!;

        Assert.Equal((label, name), (page.Label, page.Name));
    }

    [Fact]
    public void Areas_are_read_in_the_pixels_the_image_is_shown_at_and_one_leading_to_another_page_view_is_no_article()
    {
        var mirror = Mirror(
            ("html/2015-03/08/node_2.htm", Encoding.UTF8.GetBytes("""
                <html><head><title>第01版：要闻</title></head><body>
                <img src="p.png" height="40" usemap="#PagePicMap">
                <map name="PagePicMap">
                <area shape="rect" coords="3,4,15,20" href="content_1.htm">
                <area shape="polygon" coords="0,20, 30,20, 30,40, 0,40" href="node_3.htm">
                <area shape="circle" coords="15,30,5" href="content_2.htm?div=-1">
                <area shape="default" href="content_1.htm">
                </map></body></html>
                """)),
            ("html/2015-03/08/p.png", TestPng.Create(60, 80, (_, _) => (255, 255, 255))),
            ("html/2015-03/08/content_1.htm", "x"u8.ToArray()),
            ("html/2015-03/08/content_2.htm", "x"u8.ToArray()),
            ("html/2015-03/08/node_3.htm", "x"u8.ToArray()));

        var page = NodePage.Read(mirror, Path.Combine(mirror.Root, "html", "2015-03", "08", "node_2.htm"), 1)!;

        // Shown 40 px high, so 30 px wide: the map's pixels are those, not the image's 60 x 80.
        Assert.Equal(["content_1.htm", "content_2.htm"], page.Hotspots.Select(h => Path.GetFileName(h.Content)));
        Assert.Equal([(0.1, 0.1), (0.5, 0.1), (0.5, 0.5), (0.1, 0.5)], page.Hotspots[0].Outline.Select(p => (Math.Round(p.X, 6), Math.Round(p.Y, 6))));
        Assert.Equal([(1 / 3.0, 0.625), (2 / 3.0, 0.625), (2 / 3.0, 0.875), (1 / 3.0, 0.875)], page.Hotspots[1].Outline.Select(p => (Math.Round(p.X, 6), Math.Round(p.Y, 6))), new Close());
        Assert.Equal(("01", "要闻", null), (page.Label, page.Name, page.Pdf));
    }

    [Theory]
    [InlineData("content_7.htm?div=-1")]
    [InlineData("content_7.htm@div=-1")]
    public void A_link_with_a_query_finds_the_file_wget_named_with_it_and_its_old_path_is_the_path_alone(string saved)
    {
        var mirror = Mirror(("html/2015-03/08/" + saved, "x"u8.ToArray()), ("html/2015-03/08/node_2.htm", "x"u8.ToArray()));
        var page = Path.Combine(mirror.Root, "html", "2015-03", "08", "node_2.htm");

        var file = mirror.Resolve(page, "content_7.htm?div=-1#top", "hotspot");

        Assert.Equal(Path.Combine(mirror.Root, "html", "2015-03", "08", saved), file);
        Assert.Equal("/html/2015-03/08/content_7.htm", mirror.OldPath(file!));
    }

    private SiteMirror Mirror(params (string Path, byte[] Bytes)[] files)
    {
        var root = _temp.Folder("epaper.example.com");
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        return SiteMirror.Open(root);
    }

    private sealed class Close : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-6 && Math.Abs(x.Item2 - y.Item2) < 1e-6;

        public int GetHashCode((double, double) obj) => 0;
    }
}
