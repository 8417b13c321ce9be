using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Broadsheet.Ingest.Archives.Alto;
using Broadsheet.Ingest.Packages;

namespace Broadsheet.Ingest.Archives.Mets;

/// <summary>
/// One issue of a batch as an edition package for the import job: a page file per page (the PDF where the page has no
/// ALTO, so its text layer is read; else the TIFF or JPEG where there is one, else the JPEG 2000 decoded to PNG, else the PDF) and an <c>edition.json</c> with the date, edition, issue
/// number and, where the METS has a logical structure, its articles placed by their ALTO blocks.
/// </summary>
internal static class IssuePackage
{
    private static readonly string[] Readable = [".tif", ".tiff", ".jpg", ".jpeg", ".png"];

    public static async Task<string> StageAsync(BatchIssue issue, IReadOnlyDictionary<string, AltoPage> alto, string staging, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(staging, issue.Mets.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var page in issue.Mets.Pages)
        {
            var present = page.Images.Where(NdnpBatch.Present).ToList();
            string file;
            if (!alto.ContainsKey(page.Label) && page.Pdf is { } textLayer && NdnpBatch.Present(textLayer))
            {
                // No ALTO: the PDF's own text layer is the page's text (the import job reads it by OCR where it is missing or junk).
                file = page.Label + ".pdf";
                File.Copy(textLayer, Path.Combine(folder, file));
            }
            else if (present.FirstOrDefault(i => Readable.Contains(Path.GetExtension(i), StringComparer.OrdinalIgnoreCase)) is { } image)
            {
                file = page.Label + Path.GetExtension(image).ToLowerInvariant();
                File.Copy(image, Path.Combine(folder, file));
            }
            else if (present.FirstOrDefault(i => string.Equals(Path.GetExtension(i), ".jp2", StringComparison.OrdinalIgnoreCase)) is { } jp2)
            {
                file = page.Label + ".png";
                await Jp2Decoder.DecodeAsync(jp2, Path.Combine(folder, file), $"{issue.Mets.FileName}: page {page.Label}: {Path.GetFileName(jp2)}", cancellationToken);
            }
            else
            {
                file = page.Label + ".pdf";
                File.Copy(page.Pdf!, Path.Combine(folder, file));
            }

            files.Add(file);
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, EditionManifest.FileName), Manifest(issue, files, alto), cancellationToken);
        return folder;
    }

    private static byte[] Manifest(BatchIssue issue, IReadOnlyList<string> files, IReadOnlyDictionary<string, AltoPage> alto)
    {
        var mets = issue.Mets;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            // The date goes with the import request: edition.json's schema takes only 1900 to 2099, and archives are older.
            json.WriteNumber("edition", mets.Edition);
            if (mets.IssueNumber is { } number)
            {
                json.WriteNumber("issueNumber", number);
            }

            json.WriteStartArray("pages");
            for (var i = 0; i < mets.Pages.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("label", mets.Pages[i].Label);
                if (mets.Pages[i].Name is { Length: > 0 and <= 100 } name)
                {
                    json.WriteString("name", name);
                }

                json.WriteString("file", files[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var articles = mets.Articles.Select(a => Article(a, mets, alto)).Where(a => a is not null).ToList();
            if (articles.Count > 0)
            {
                json.WriteStartArray("articles");
                foreach (var article in articles)
                {
                    article!(json);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>An article of the logical structure: a region per ALTO block, placed by the ALTO page's own size; its blocks' text.</summary>
    private static Action<Utf8JsonWriter>? Article(MetsArticle article, IssueMets mets, IReadOnlyDictionary<string, AltoPage> alto)
    {
        var blocks = new List<(string Label, AltoPage Page, AltoBlock Block)>();
        foreach (var (page, id) in article.Blocks)
        {
            var label = mets.Pages[page].Label;
            if (alto.TryGetValue(label, out var altoPage) && altoPage.Blocks.FirstOrDefault(b => b.Id == id) is { } block)
            {
                blocks.Add((label, altoPage, block));
            }
        }

        if (blocks.Count == 0)
        {
            return null;
        }

        var paragraphs = blocks.Select(b => string.Join(' ', b.Block.Lines.Select(l => l.Text))).Where(p => p.Length > 0).ToList();
        var headline = article.Title is { Length: > 0 } title ? title : paragraphs.FirstOrDefault() ?? "";
        if (article.Title is not { Length: > 0 } && paragraphs.Count > 0)
        {
            paragraphs.RemoveAt(0); // the first block, usually the headline, stands as the headline
        }

        headline = headline.Length <= 200 ? headline : headline[..200] + "…";
        return json =>
        {
            json.WriteStartObject();
            json.WriteString("headline", headline);
            json.WriteStartArray("paragraphs");
            paragraphs.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("regions");
            foreach (var (label, page, block) in blocks)
            {
                var (left, top, right, bottom) = Bounds(block);
                json.WriteStartObject();
                json.WriteString("page", label);
                json.WriteStartArray("polygon");
                foreach (var (x, y) in new[] { (left, top), (right, top), (right, bottom), (left, bottom) })
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(Math.Round(Math.Clamp(x / page.Width, 0, 1), 6));
                    json.WriteNumberValue(Math.Round(Math.Clamp(y / page.Height, 0, 1), 6));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        };
    }

    private static (double Left, double Top, double Right, double Bottom) Bounds(AltoBlock block) =>
        block.Width > 0 && block.Height > 0
            ? (block.Left, block.Top, block.Left + block.Width, block.Top + block.Height)
            : (block.Lines.Min(l => l.Left), block.Lines.Min(l => l.Top), block.Lines.Max(l => l.Left + l.Width), block.Lines.Max(l => l.Top + l.Height));
}
