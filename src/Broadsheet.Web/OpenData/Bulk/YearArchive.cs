using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Web.Published;
using Broadsheet.Web.Search;

namespace Broadsheet.Web.OpenData.Bulk;

/// <summary>
/// A publication's year as one zip: <c>{slug}-{yyyy}/LICENCE.txt</c>, then for each published edition, oldest
/// first, <c>{date}/text.json</c> and <c>{date}/alto.xml</c>. Written to the response as it is made, one edition
/// loaded at a time and flushed before the next is read, so a year of a daily paper never sits in memory (nor on
/// disk) and the download starts at once.
/// </summary>
internal sealed class YearArchive(PublishedEditions editions, PageHitMarker lines, JsonSerializerOptions json)
{
    public async Task WriteAsync(Stream output, Publication paper, string folder, IReadOnlyList<EditionListing> ofYear, CancellationToken cancellationToken)
    {
        // The zip is written into a small buffer that is sent and emptied after each edition: ZipArchive still writes
        // synchronously in places (a deflated entry's end), which the server does not allow on the response itself.
        var sink = new DrainingSink();
        var zip = new ZipArchive(sink, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        var newest = ofYear.Max(e => e.Date);
        Add(zip, $"{folder}/LICENCE.txt", Encoding.UTF8.GetBytes(Licence(paper)), Stamp(newest, paper));
        foreach (var listed in ofYear.OrderBy(e => e.Date).ThenBy(e => e.Number))
        {
            if (await editions.FindAsync(listed.Slug, listed.Date, listed.Number, cancellationToken) is not { } view)
            {
                continue; // withdrawn since the list was read
            }

            var at = view.Edition.PublishedAt ?? Stamp(listed.Date, paper);
            var path = $"{folder}/{BulkUrls.Folder(listed.Date, listed.Number)}";
            Add(zip, path + "/text.json", JsonSerializer.SerializeToUtf8Bytes(EditionText.Of(view), json), at);
            Add(zip, path + "/alto.xml", await AltoDocument.WriteAsync(view, page => lines.LinesAsync(page, cancellationToken)), at);
            await sink.DrainAsync(output, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }

        zip.Dispose(); // writes the central directory into the sink
        await sink.DrainAsync(output, cancellationToken);
    }

    private static readonly string Build = typeof(YearArchive).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// A weak entity tag for the year's zip without making it: a hash of what the zip is made from, so it changes
    /// when an edition of the year is published, replaced, withdrawn or edited, when the paper's name, licence or
    /// time zone does, and with the application's build (which writes the JSON and ALTO). Weak, because the same
    /// text could be zipped into other bytes by another build of the compressor.
    /// </summary>
    public static Microsoft.Net.Http.Headers.EntityTagHeaderValue Tag(Publication paper, IReadOnlyList<EditionListing> ofYear, IReadOnlyList<EditionStampRow> stamps)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(ofYear);
        ArgumentNullException.ThrowIfNull(stamps);
        var rows = stamps.Where(r => string.Equals(r.Slug, paper.Slug, StringComparison.Ordinal)).ToDictionary(r => (r.Date, r.Number));
        var text = new StringBuilder().Append(paper.Name).Append('\n').Append(paper.Licence).Append('\n').Append(paper.TimeZoneId).Append('\n').Append(Build);
        foreach (var listed in ofYear.OrderBy(e => e.Date).ThenBy(e => e.Number))
        {
            var row = rows.GetValueOrDefault((listed.Date, listed.Number));
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"\n{listed.Date:yyyy-MM-dd}|{listed.Number}|{row?.Id}|{row?.CreatedAt.UtcTicks}|{row?.PublishedAt?.UtcTicks}|{row?.ChangedAt?.UtcTicks}");
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
        return new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + hash + "\"", isWeak: true);
    }

    /// <summary>The licence file: the paper's own terms, or a line saying it has given none.</summary>
    public static string Licence(Publication paper) =>
        paper.Licence is { Length: > 0 } licence
            ? $"{paper.Name}\n\n{licence}\n"
            : $"{paper.Name}\n\nThe paper has not stated a licence for this text; ask it before reusing it beyond what the law allows.\n";

    // Entries carry the edition's time rather than the moment of download, so two downloads of a year hold the same bytes.
    private static DateTimeOffset Stamp(DateOnly date, Publication paper) =>
        new(date.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(paper.TimeZoneId).GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
