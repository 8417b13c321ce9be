using System.Diagnostics;
using System.Globalization;
using System.Text;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Archives;

/// <summary>A page of a hand-made issue: its image file (png, tif or jp2) and its ALTO.</summary>
internal sealed record NdnpPage(string Image, string Alto);

/// <summary>
/// Writes a small library batch in the NDNP layout (batch.xml → issue METS → page images and ALTO), with images made
/// here (a plain PNG, or that PNG as JPEG 2000 through opj_compress) and ALTO written by <see cref="AltoXml"/>.
/// </summary>
internal static class NdnpFixture
{
    /// <summary>A page image of the reference page's proportions, small enough to import quickly.</summary>
    public static void Image(string path)
    {
        var png = TestPng.Create(500, 707, (x, y) => ((byte)(240 - (x % 7)), (byte)(240 - (y % 5)), 235));
        if (path.EndsWith(".jp2", StringComparison.Ordinal))
        {
            var source = Path.ChangeExtension(path, ".source.png");
            File.WriteAllBytes(source, png);
            using var process = Process.Start(new ProcessStartInfo("opj_compress") { ArgumentList = { "-i", source, "-o", path }, RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            File.Delete(source);
            Assert.True(process.ExitCode == 0 && File.Exists(path), "opj_compress (libopenjp2-tools) made no JPEG 2000 image");
            return;
        }

        File.WriteAllBytes(path, png);
    }

    /// <summary>An issue's METS in the NDNP profile: issue MODS, a page MODS and file group per page, the physical structMap.</summary>
    public static string Mets(string date, int edition, int issue, string? volume, IReadOnlyList<(string Image, string Alto)> pages, string logical = "")
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <mets TYPE="urn:library-of-congress:ndnp:mets:newspaper:issue" LABEL="The Harbour Gazette, {date}"
              xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.loc.gov/METS/">
            <dmdSec ID="issueModsBib"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>
              <mods:relatedItem type="host"><mods:identifier type="lccn">sn00000001</mods:identifier><mods:part>
                {(volume is null ? "" : $"<mods:detail type=\"volume\"><mods:number>{volume}</mods:number></mods:detail>")}
                <mods:detail type="issue"><mods:number>{issue}</mods:number></mods:detail>
                <mods:detail type="edition"><mods:number>{edition}</mods:number></mods:detail>
              </mods:part></mods:relatedItem>
              <mods:originInfo><mods:dateIssued encoding="iso8601">{date}</mods:dateIssued></mods:originInfo>
            </mods:mods></xmlData></mdWrap></dmdSec>
            """);
        for (var p = 1; p <= pages.Count; p++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<dmdSec ID=\"pageModsBib{p}\"><mdWrap MDTYPE=\"MODS\"><xmlData><mods:mods><mods:part><mods:extent unit=\"pages\"><mods:start>{p}</mods:start></mods:extent></mods:part></mods:mods></xmlData></mdWrap></dmdSec>");
        }

        xml.Append("<fileSec>");
        for (var p = 1; p <= pages.Count; p++)
        {
            var (image, alto) = pages[p - 1];
            var stem = Path.GetFileNameWithoutExtension(image);
            xml.Append(CultureInfo.InvariantCulture, $"""
                <fileGrp ID="pageFileGrp{p}">
                  <file ID="masterFile{p}" USE="master"><FLocat LOCTYPE="OTHER" xlink:href="{stem}.tif"/></file>
                  <file ID="serviceFile{p}" USE="service"><FLocat LOCTYPE="OTHER" xlink:href="{image}"/></file>
                  <file ID="ocrFile{p}" USE="ocr"><FLocat LOCTYPE="OTHER" xlink:href="{alto}"/></file>
                </fileGrp>
                """);
        }

        xml.Append("</fileSec><structMap><div TYPE=\"np:issue\" DMDID=\"issueModsBib\">");
        for (var p = 1; p <= pages.Count; p++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<div TYPE=\"np:page\" DMDID=\"pageModsBib{p}\"><fptr FILEID=\"masterFile{p}\"/><fptr FILEID=\"serviceFile{p}\"/><fptr FILEID=\"ocrFile{p}\"/></div>");
        }

        return xml.Append("</div></structMap>").Append(logical).Append("</mets>").ToString();
    }

    /// <summary>
    /// An issue's METS whose pages name only the files given: an image, a PDF and an ALTO, each where not null (NDNP
    /// gives every page a PDF; batches from elsewhere leave out the ALTO of some pages).
    /// </summary>
    public static string MetsOfFiles(string date, int issue, IReadOnlyList<(string? Image, string? Pdf, string? Alto)> pages)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <mets LABEL="The Harbour Gazette, {date}" xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.loc.gov/METS/">
            <dmdSec ID="issueModsBib"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>
              <mods:relatedItem type="host"><mods:part><mods:detail type="issue"><mods:number>{issue}</mods:number></mods:detail></mods:part></mods:relatedItem>
              <mods:originInfo><mods:dateIssued encoding="iso8601">{date}</mods:dateIssued></mods:originInfo>
            </mods:mods></xmlData></mdWrap></dmdSec><fileSec>
            """);
        var divs = new StringBuilder();
        for (var p = 1; p <= pages.Count; p++)
        {
            var (image, pdf, alto) = pages[p - 1];
            xml.Append(CultureInfo.InvariantCulture, $"<fileGrp ID='pageFileGrp{p}'>");
            divs.Append("<div TYPE='np:page'>");
            foreach (var (id, use, file) in new[] { ("serviceFile", "service", image), ("derivativeFile", "derivative", pdf), ("ocrFile", "ocr", alto) })
            {
                if (file is not null)
                {
                    xml.Append(CultureInfo.InvariantCulture, $"<file ID='{id}{p}' USE='{use}'{(use == "derivative" ? " MIMETYPE='application/pdf'" : "")}><FLocat LOCTYPE='OTHER' xlink:href='{file}'/></file>");
                    divs.Append(CultureInfo.InvariantCulture, $"<fptr FILEID='{id}{p}'/>");
                }
            }

            xml.Append("</fileGrp>");
            divs.Append("</div>");
        }

        return xml.Append("</fileSec><structMap><div TYPE='np:issue' DMDID='issueModsBib'>").Append(divs).Append("</div></structMap></mets>").ToString();
    }

    /// <summary>batch.xml listing issues: (date, edition, METS path from the batch's folder).</summary>
    public static string Batch(params (string Date, int Edition, string Mets)[] issues)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<batch xmlns=\"http://www.loc.gov/ndnp\" name=\"batch_test_ver01\">\n");
        foreach (var (date, edition, mets) in issues)
        {
            xml.Append(CultureInfo.InvariantCulture, $" <issue lccn=\"sn00000001\" issueDate=\"{date}\" editionOrder=\"{edition}\">{mets}</issue>\n");
        }

        return xml.Append("</batch>").ToString();
    }

    /// <summary>
    /// A batch of three issues: 1887-03-03 with two PNG pages (ALTO in pixels of a page twice the image's size, and in
    /// inch1200 with a prefixed v2 namespace), 1887-03-04 with one JPEG 2000 page (mm10, v4), and 1887-03-05 whose METS
    /// has ARTICLE divisions.
    /// </summary>
    public static string Write(string root)
    {
        var data = Path.Combine(root, "data");
        Issue(data, "1887030301", "1887-03-03", 1, 258, "16", [("0001.png", AltoXml.Page(AltoXml.V3, null, "pixel", 2)), ("0002.png", AltoXml.Page(AltoXml.V2, "alto", "inch1200", 4, "Council meets on the new bridge"))]);
        Issue(data, "1887030401", "1887-03-04", 1, 259, "16", [("0003.jp2", AltoXml.Page(AltoXml.V4, null, "mm10", 0.8467, "Harbour ice breaks early"))]);
        const string Logical = """
            <structMap TYPE="LOGICAL"><div TYPE="Newspaper"><div TYPE="ARTICLE" LABEL="Flood defences hold">
              <fptr><area FILEID="ocrFile1" BEGIN="TB1"/></fptr><fptr><area FILEID="ocrFile1" BEGIN="TB2"/></fptr><fptr><area FILEID="ocrFile1" BEGIN="TB3"/></fptr>
            </div></div></structMap>
            """;
        Issue(data, "1887030501", "1887-03-05", 1, 260, "16", [("0004.png", AltoXml.Page(AltoXml.V3, null, "pixel", 1))], Logical);
        File.WriteAllText(Path.Combine(data, "batch.xml"), Batch(
            ("1887-03-03", 1, "./sn00000001/1887030301/1887030301.xml"),
            ("1887-03-04", 1, "./sn00000001/1887030401/1887030401.xml"),
            ("1887-03-05", 1, "./sn00000001/1887030501/1887030501.xml")));
        return root;
    }

    public static string IssueFolder(string root, string id) => Path.Combine(root, "data", "sn00000001", id);

    private static void Issue(string data, string id, string date, int edition, int issue, string volume, (string Image, string Alto)[] pages, string logical = "")
    {
        var folder = Path.Combine(data, "sn00000001", id);
        Directory.CreateDirectory(folder);
        var listed = new List<(string, string)>();
        foreach (var (image, alto) in pages)
        {
            Image(Path.Combine(folder, image));
            var altoName = Path.ChangeExtension(image, ".xml");
            File.WriteAllText(Path.Combine(folder, altoName), alto);
            listed.Add((image, altoName));
        }

        File.WriteAllText(Path.Combine(folder, id + ".xml"), Mets(date, edition, issue, volume, listed, logical));
    }
}
