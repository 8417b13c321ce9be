using System.Globalization;
using System.Net;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Samples;
using SkiaSharp;

namespace Broadsheet.TestKit.Sites;

/// <summary>How a generated site writes its article pages: the two markups Founder's site generators left most of.</summary>
public enum SiteMarkup
{
    /// <summary>UTF-8; the fields in <c>&lt;founder-introtitle&gt;</c> … <c>&lt;founder-content&gt;</c> elements; an image map over the image at its own size.</summary>
    FounderElements,

    /// <summary>GB2312 (read as GBK); the fields in the <c>&lt;!--enpproperty--&gt;</c> comment, the text in <c>&lt;div id="ozoom"&gt;</c> between <c>&lt;!--enpcontent--&gt;</c> marks; the page image shown at half its size.</summary>
    EnpProperty,
}

/// <summary>One generated article as the site gives it: its page's old path and the truth it was printed from.</summary>
public sealed record MirrorArticle(DateOnly Date, string OldPath, TruthArticle Truth);

/// <summary>One generated page view: its old path, its label and name, and the old paths of its page image and PDF.</summary>
public sealed record MirrorPage(DateOnly Date, string OldPath, string Label, string Name)
{
    public string ImagePath { get; init; } = "";

    public string PdfPath { get; init; } = "";
}

/// <summary>A generated mirror: its folder (the one wget -m makes, holding the host's folder) and what it holds.</summary>
public sealed record GeneratedMirror(string Folder, string HostFolder, IReadOnlyList<MirrorPage> Pages, IReadOnlyList<MirrorArticle> Articles);

/// <summary>
/// Writes what <c>wget -m</c> saves of a Founder-style e-paper site (数字报), made from sample editions: per day
/// <c>html/yyyy-MM/dd/node_N.htm</c> page views (a page list, the small page image with an image map whose areas are
/// the printed articles' regions in the image's pixels, a PDF link) and <c>content_N.htm</c> article pages, the page
/// images under <c>images/</c> and the PDFs under <c>page/</c>. Every word and figure is generated here.
/// </summary>
public static class SiteMirrorWriter
{
    public const string Host = "epaper.binjiang.example";

    /// <summary>The page image's own width in pixels (the small image these sites show).</summary>
    public const int ImageWidth = 600;

    public static GeneratedMirror Write(string folder, IReadOnlyList<(DateOnly Date, SiteMarkup Markup)> editions, int pageCount = 4)
    {
        var root = Path.Combine(folder, Host);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "index.htm"), "<html><head><meta http-equiv=\"refresh\" content=\"0; url=html/index.htm\"></head></html>");
        var pages = new List<MirrorPage>();
        var articles = new List<MirrorArticle>();
        var nextContent = 10001;
        foreach (var (date, markup) in editions)
        {
            var sample = SampleEditionGenerator.Generate(new SampleEditionOptions { Date = date, PageCount = pageCount, Seed = date.DayNumber % 97 }, Path.Combine(folder + "-samples", date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
            var month = date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var day = date.ToString("dd", CultureInfo.InvariantCulture);
            var stamp = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var html = Path.Combine(root, "html", month, day);
            Directory.CreateDirectory(html);

            // Each article once, by its id: an article continued onto another page is one content page with hotspots on both.
            var contentOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var truth in sample.Pages.SelectMany(p => p.Articles).DistinctBy(a => a.Id))
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"content_{nextContent++}.htm");
                contentOf[truth.Id] = name;
                WriteContent(Path.Combine(html, name), truth, markup, date);
                articles.Add(new MirrorArticle(date, $"/html/{month}/{day}/{name}", truth));
            }

            for (var p = 0; p < sample.Pages.Count; p++)
            {
                var page = sample.Pages[p];
                var node = string.Create(CultureInfo.InvariantCulture, $"node_{p + 2}.htm");
                var imageRelative = $"images/{month}/{day}/{page.Label}/{stamp}{page.Label}_brief.jpg";
                var pdfRelative = $"page/{month}/{day}/{page.Label}/{stamp}{page.Label}_pdf.pdf";
                var imageHeight = (int)Math.Round(ImageWidth * page.HeightPt / page.WidthPt);
                WriteImage(Path.Combine(root, imageRelative), ImageWidth, imageHeight);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, pdfRelative))!);
                File.Copy(page.PdfPath, Path.Combine(root, pdfRelative));

                // The map's pixels are those of the image as shown: half size where the tag says so.
                var shown = markup == SiteMarkup.EnpProperty ? 0.5 : 1.0;
                var (shownWidth, shownHeight) = (ImageWidth * shown, imageHeight * shown);
                var areas = new StringBuilder();
                foreach (var truth in page.Articles)
                {
                    foreach (var region in truth.Regions.Where(r => r.PageLabel == page.Label))
                    {
                        areas.Append(Area(region.Points, shownWidth, shownHeight, contentOf[truth.Id]));
                    }
                }

                var list = string.Join("\n", sample.Pages.Select((q, i) =>
                    string.Create(CultureInfo.InvariantCulture, $"<tr><td class=\"default\"><a id=\"pageLink\" href=\"node_{i + 2}.htm\">第{q.Label}版：{q.Name}</a></td><td><a href=\"../../../page/{month}/{day}/{q.Label}/{stamp}{q.Label}_pdf.pdf\"><img src=\"../../../images/pdf.gif\" border=\"0\"></a></td></tr>")));
                var size = markup == SiteMarkup.EnpProperty ? string.Create(CultureInfo.InvariantCulture, $" width=\"{shownWidth:0}\"") : "";
                var titles = string.Join("\n", page.Articles.Select(a => $"<li><a href=\"{contentOf[a.Id]}\">{WebUtility.HtmlEncode(a.Headline)}</a></li>"));
                var text = $"""
                    <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
                    <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
                    <title>滨江日报</title>
                    <link href="../../../style/style.css" rel="stylesheet" type="text/css"></head>
                    <body><table width="1000" border="0" align="center"><tr><td>
                    <a href="http://www.binjiang.example/">滨江网首页</a> <a href="http://{Host}/html/index.htm">数字报首页</a>
                    <span id="riqi_">{date.Year}年{date.Month}月{date.Day}日</span></td></tr>
                    <tr><td width="360" valign="top"><div id="main-ed-map">
                    <img src="../../../{imageRelative}" border="0" usemap="#PagePicMap"{size}>
                    <map name="PagePicMap">
                    {areas}</map></div></td>
                    <td valign="top"><table>{list}</table>
                    <div id="titleList"><ul>{titles}</ul></div></td></tr></table>
                    <script language="javascript" src="../../../js/page.js"></script>
                    </body></html>
                    """;
                File.WriteAllText(Path.Combine(html, node), text, new UTF8Encoding(false));
                pages.Add(new MirrorPage(date, $"/html/{month}/{day}/{node}", page.Label, page.Name) { ImagePath = "/" + imageRelative, PdfPath = "/" + pdfRelative });
            }
        }

        return new GeneratedMirror(folder, root, pages, articles);
    }

    /// <summary>
    /// Copies a mirror <see cref="Write"/> made into <paramref name="folder"/> (its files only, not the sample editions it
    /// was made from), for a test that changes or deletes files: writing another generates the sample editions again,
    /// over a second for two editions of four pages.
    /// </summary>
    public static GeneratedMirror Copy(GeneratedMirror mirror, string folder)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        foreach (var file in Directory.EnumerateFiles(mirror.Folder, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder, Path.GetRelativePath(mirror.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return mirror with { Folder = folder, HostFolder = Path.Combine(folder, Host) };
    }

    /// <summary>A region as an image map's area: a rectangle as <c>rect</c>, anything else as <c>poly</c>, in whole pixels.</summary>
    private static string Area(IReadOnlyList<NormalisedPoint> points, double width, double height, string href)
    {
        var px = points.Select(p => (X: Math.Round(p.X * width), Y: Math.Round(p.Y * height))).ToList();
        var xs = px.Select(p => p.X).Distinct().Count();
        var ys = px.Select(p => p.Y).Distinct().Count();
        if (px.Count == 4 && xs == 2 && ys == 2)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"<area shape=\"rect\" coords=\"{px.Min(p => p.X)},{px.Min(p => p.Y)},{px.Max(p => p.X)},{px.Max(p => p.Y)}\" href=\"{href}\" target=\"_blank\">\n");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"<area shape=\"poly\" coords=\"{string.Join(',', px.Select(p => $"{p.X},{p.Y}"))}\" href=\"{href}\">\n");
    }

    private static void WriteContent(string path, TruthArticle truth, SiteMarkup markup, DateOnly date)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var paragraphs = string.Concat(truth.Paragraphs.Select(p => $"<P>\u3000\u3000{E(p)}</P>\n"));
        if (markup == SiteMarkup.FounderElements)
        {
            var text = $"""
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{E(truth.Headline)}</title></head>
                <body><table width="1000" align="center"><tr><td>
                <founder-introtitle>{E(truth.Kicker)}</founder-introtitle>
                <founder-title>{E(truth.Headline)}</founder-title>
                <founder-subtitle>{E(truth.Subheadline)}</founder-subtitle>
                <founder-author>{E(truth.Byline)}</founder-author>
                <div id="ozoom"><founder-content>
                {paragraphs}</founder-content></div>
                </td></tr></table></body></html>
                """;
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return;
        }

        // Founder's older generator: the fields in the enpproperty comment, the title again in a table, text marked in ozoom.
        var gbk = $"""
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
            <title>{E(truth.Headline)}</title>
            <!--enpproperty <articleid>1</articleid><date>{date:yyyy-MM-dd} 00:00:00:0</date><author>{E(truth.Byline)}</author><title>{E(truth.Headline)}</title><keyword></keyword><subtitle>{E(truth.Subheadline)}</subtitle><introtitle>{E(truth.Kicker)}</introtitle><siteid>1</siteid><nodeid>2</nodeid>/enpproperty-->
            </head><body>
            <table class="wz" width="660"><tr valign="top"><td class="font01">{E(truth.Kicker)}</td></tr>
            <tr valign="top"><td class="font01"><strong>{E(truth.Headline)}</strong></td></tr>
            <tr valign="top"><td class="font02">{E(truth.Subheadline)}</td></tr></table>
            <div id="ozoom" style="font-size:14px"><!--enpcontent-->{paragraphs}<!--/enpcontent--></div>
            <table><tr><td><a href="javascript:window.close()">关闭窗口</a></td></tr></table>
            </body></html>
            """;
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, System.Text.Encoding.GetEncoding("gb18030").GetBytes(gbk));
    }

    private static void WriteImage(string path, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(245, 242, 235));
            using var grey = new SKPaint { Color = new SKColor(120, 120, 120) };
            for (var y = 40; y < height - 20; y += 12)
            {
                canvas.DrawRect(20, y, width - 40, 4, grey);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        File.WriteAllBytes(path, data.ToArray());
    }
}
