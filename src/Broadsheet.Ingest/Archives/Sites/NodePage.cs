using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Archives.Sites;

/// <summary>A hotspot of a page view: the article page it leads to and its outline in fractions of the page.</summary>
internal sealed record Hotspot(string Content, IReadOnlyList<NormalisedPoint> Outline);

/// <summary>
/// A page view of a Founder-style e-paper site (<c>node_2.htm</c>): the small page image with its image map, whose
/// areas lead to the page's articles (<c>content_123.htm</c>), the page's PDF, and its label and name
/// (<c>第01版：要闻</c>).
/// </summary>
internal sealed partial record NodePage(string File, string Label, string Name, string Image, string? Pdf, IReadOnlyList<Hotspot> Hotspots)
{
    /// <summary>A hotspot's corner may lie this many pixels past the image's edge (maps are drawn by hand at times).</summary>
    private const double EdgePixels = 2;

    /// <summary>The file a page is imported from: its PDF where the site gives one, else its page image.</summary>
    public string PageFile => Pdf ?? Image;

    /// <summary>
    /// Reads a page view; null when the file is no page view (no image with an image map: a section list, a
    /// search page). <paramref name="ordinal"/> numbers the page when its markup gives no label.
    /// </summary>
    /// <exception cref="ImportException">A link leads outside the mirror, a file it needs is missing, or a hotspot lies outside the image; the message names the file.</exception>
    public static NodePage? Read(SiteMirror mirror, string file, int ordinal)
    {
        var name = mirror.Name(file);
        var html = SiteHtml.Read(file, name);
        var image = SiteHtml.Tags(html, "img").FirstOrDefault(i => i.TryGetValue("usemap", out var map) && map.TrimStart('#').Length > 0);
        if (image is null)
        {
            return null;
        }

        var mapName = image["usemap"].TrimStart('#');
        var imageFile = image.TryGetValue("src", out var src) ? mirror.Resolve(file, src, "page image") : null;
        if (imageFile is null)
        {
            throw new ImportException($"{name}: its page image (the <img usemap=\"#{mapName}\">) has no src");
        }

        var (width, height) = DisplaySize(mirror, name, imageFile, image);
        var pdf = PdfLink(html, imageFile);
        var pdfFile = pdf is null ? null : mirror.Resolve(file, pdf, "PDF link");
        if (pdfFile is not null && !System.IO.File.Exists(pdfFile))
        {
            throw new ImportException($"{name}: its PDF {mirror.Name(pdfFile)} is not in the mirror");
        }

        var hotspots = new List<Hotspot>();
        foreach (var area in Areas(html, mapName))
        {
            if (!area.TryGetValue("href", out var href) || mirror.Resolve(file, href, "hotspot") is not { } content)
            {
                continue;
            }

            if (!System.IO.File.Exists(content))
            {
                throw new ImportException($"{name}: its hotspot leads to {mirror.Name(content)}, which is not in the mirror");
            }

            // An area may lead to another page view (a jump to where the article goes on); only articles are regions.
            var outline = Outline(area, name, href, width, height);
            if (outline is not null && !SiteEdition.IsPageView(content))
            {
                hotspots.Add(new Hotspot(content, outline));
            }
        }

        var (label, pageName) = LabelOf(html, mirror, file, ordinal);
        return new NodePage(file, label, pageName, imageFile, pdfFile, hotspots);
    }

    /// <summary>
    /// The page's PDF link. A page view often lists every page of the edition with its PDF beside it, so of several
    /// the one named most like the page image is the page's (<c>2015030802_pdf.pdf</c> beside
    /// <c>2015030802_brief.jpg</c>); the first where the names tell nothing.
    /// </summary>
    private static string? PdfLink(string html, string imageFile)
    {
        var image = Path.GetFileNameWithoutExtension(imageFile);
        return SiteHtml.Tags(html, "a")
            .Select(a => a.GetValueOrDefault("href"))
            .OfType<string>()
            .Where(h => h.Split('?', '#')[0].EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            .Select((href, order) => (href, order, Shared: Shared(Path.GetFileNameWithoutExtension(href.Split('?', '#')[0]), image)))
            .OrderByDescending(c => c.Shared)
            .ThenBy(c => c.order)
            .Select(c => c.href)
            .FirstOrDefault();

        static int Shared(string a, string b)
        {
            var n = 0;
            while (n < a.Length && n < b.Length && char.ToLowerInvariant(a[n]) == char.ToLowerInvariant(b[n]))
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>
    /// The size the map's pixels are counted in: the image as shown, which the tag's width and height set when it has
    /// them (a big image shown small), else the image's own size from its header.
    /// </summary>
    private static (double Width, double Height) DisplaySize(SiteMirror mirror, string name, string imageFile, Dictionary<string, string> image)
    {
        if (!System.IO.File.Exists(imageFile))
        {
            throw new ImportException($"{name}: its page image {mirror.Name(imageFile)} is not in the mirror");
        }

        var kind = FileSignature.Sniff(imageFile);
        if (kind is not (PageFileKind.Jpeg or PageFileKind.Png or PageFileKind.Tiff))
        {
            throw new ImportException($"{mirror.Name(imageFile)}: the page image is not a JPEG, PNG or TIFF");
        }

        ImageHeader header;
        try
        {
            header = ImageHeader.Read(imageFile, kind);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException($"{mirror.Name(imageFile)}: the page image cannot be read ({ex.Message})", ex);
        }

        var shownWidth = Pixels(image.GetValueOrDefault("width"));
        var shownHeight = Pixels(image.GetValueOrDefault("height"));
        return (shownWidth, shownHeight) switch
        {
            ({ } w, { } h) => (w, h),
            ({ } w, null) => (w, w * header.Height / header.Width),
            (null, { } h) => (h * header.Width / header.Height, h),
            _ => (header.Width, header.Height),
        };
    }

    private static double? Pixels(string? value) =>
        value is not null && double.TryParse(value.Trim().Replace("px", "", StringComparison.OrdinalIgnoreCase), NumberStyles.Float, CultureInfo.InvariantCulture, out var pixels) && pixels > 0
            ? pixels
            : null;

    private static IEnumerable<Dictionary<string, string>> Areas(string html, string mapName)
    {
        var body = SiteHtml.WithoutComments(html);
        foreach (Match map in MapElement().Matches(body))
        {
            if (string.Equals(SiteHtml.Attributes(map.Groups[1].Value).GetValueOrDefault("name"), mapName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(SiteHtml.Attributes(map.Groups[1].Value).GetValueOrDefault("id"), mapName, StringComparison.OrdinalIgnoreCase))
            {
                return SiteHtml.Tags(map.Groups[2].Value, "area").ToList();
            }
        }

        return [];
    }

    private static List<NormalisedPoint>? Outline(Dictionary<string, string> area, string name, string href, double width, double height)
    {
        var shape = area.GetValueOrDefault("shape")?.Trim().ToLowerInvariant() ?? "rect";
        var numbers = new List<double>();
        foreach (var part in (area.GetValueOrDefault("coords") ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n))
            {
                throw new ImportException($"{name}: the hotspot to {href} has coords '{area.GetValueOrDefault("coords")}', which are not numbers");
            }

            numbers.Add(n);
        }

        List<(double X, double Y)> points = shape switch
        {
            "default" => [],
            "rect" or "rectangle" when numbers.Count == 4 =>
                [(numbers[0], numbers[1]), (numbers[2], numbers[1]), (numbers[2], numbers[3]), (numbers[0], numbers[3])],
            "circle" or "circ" when numbers.Count == 3 =>
                [(numbers[0] - numbers[2], numbers[1] - numbers[2]), (numbers[0] + numbers[2], numbers[1] - numbers[2]), (numbers[0] + numbers[2], numbers[1] + numbers[2]), (numbers[0] - numbers[2], numbers[1] + numbers[2])],
            "poly" or "polygon" when numbers.Count >= 6 && numbers.Count % 2 == 0 =>
                [.. Enumerable.Range(0, numbers.Count / 2).Select(i => (numbers[2 * i], numbers[(2 * i) + 1]))],
            _ => throw new ImportException($"{name}: the hotspot to {href} has shape '{shape}' with coords '{area.GetValueOrDefault("coords")}', which is no outline"),
        };
        if (points.Count == 0)
        {
            return null;
        }

        foreach (var (x, y) in points)
        {
            if (x < -EdgePixels || y < -EdgePixels || x > width + EdgePixels || y > height + EdgePixels)
            {
                throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: the hotspot to {href} reaches ({x:0.#}, {y:0.#}), outside its page image ({width:0.#} x {height:0.#} px)"));
            }
        }

        return [.. points.Select(p => new NormalisedPoint(Math.Clamp(p.X / width, 0, 1), Math.Clamp(p.Y / height, 0, 1)))];
    }

    /// <summary>
    /// The page's label and name: from the title (<c>滨江日报-第01版：要闻</c>), else from the page list's link to this
    /// very page, else from the first such heading that is not a link to another page, else the page's place.
    /// </summary>
    private static (string Label, string Name) LabelOf(string html, SiteMirror mirror, string file, int ordinal)
    {
        var title = SiteHtml.Element(html, "title");
        if (title is not null && Heading().Match(SiteHtml.Text(title)) is { Success: true } fromTitle)
        {
            return Parts(fromTitle);
        }

        var body = SiteHtml.WithoutComments(html);
        foreach (Match link in Link().Matches(body))
        {
            var href = SiteHtml.Attributes(link.Groups[1].Value).GetValueOrDefault("href");
            if (href is null || Heading().Match(SiteHtml.Text(link.Groups[2].Value)) is not { Success: true } heading)
            {
                continue;
            }

            try
            {
                if (string.Equals(mirror.Resolve(file, href, "page list"), file, StringComparison.Ordinal))
                {
                    return Parts(heading);
                }
            }
            catch (ImportException)
            {
                // A page list's link elsewhere is not followed; it only is not this page.
            }
        }

        if (Heading().Match(SiteHtml.Text(Link().Replace(body, ""))) is { Success: true } own)
        {
            return Parts(own);
        }

        return (ordinal.ToString("00", CultureInfo.InvariantCulture), "");
    }

    private static (string Label, string Name) Parts(Match heading) =>
        (PageLabel.Normalise(heading.Groups["label"].Value), heading.Groups["name"].Value.Trim());

    [GeneratedRegex(@"第\s*(?<label>[A-Za-z]{0,2}\d{1,3})\s*版\s*(?:[:：]\s*(?<name>[^\s:：<>|\-—]{1,20}))?", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<map\b([^>]*)>(.*?)</map\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex MapElement();

    [GeneratedRegex(@"<a\b([^>]*)>(.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
