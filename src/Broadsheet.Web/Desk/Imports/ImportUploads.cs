using System.Globalization;
using System.Security.Claims;
using Broadsheet.Core.Model;
using Broadsheet.Ingest;
using Microsoft.Extensions.Options;

namespace Broadsheet.Web.Desk.Imports;

/// <summary>
/// Turns an upload form (files, <c>date</c>, <c>replace</c>) into a queued import, for the JSON endpoint and
/// the page's plain form post alike. The caller has already checked that the user may work on the publication.
/// </summary>
internal sealed class ImportUploads(ImportJobs jobs, IOptions<DeskUploadOptions> options)
{
    public async Task<(ImportJob? Job, UploadRefusal? Refusal)> StartAsync(ClaimsPrincipal user, Publication publication, IFormCollection form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(form);
        DateOnly? date = null;
        if (form["date"].ToString().Trim() is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, new($"日期“{text}”看不懂，请写成 2026-11-02 这样。"));
            }

            date = parsed;
        }

        var (id, folder) = jobs.NewFolder();
        var (source, refusal) = await UploadedFiles.SaveAsync([.. form.Files], folder, date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "upload", options.Value, cancellationToken);
        if (refusal is null && date is null && Directory.Exists(source) && !File.Exists(Path.Combine(source, "edition.json")))
        {
            // Loose pages carry no date, and the importer would look for one in the staging folder's name.
            refusal = new("请填写这一期的日期（也可以上传带 edition.json 的文件，或以日期命名的 zip，如 2026-11-02.zip）。");
        }

        if (refusal is not null)
        {
            ImportJobs.Discard(folder);
            return (null, refusal);
        }

        var request = new ImportRequest
        {
            SourcePath = source!,
            PublicationSlug = publication.Slug,
            Date = date,
            Replace = IsChecked(form["replace"]),
        };
        var job = new ImportJob(id, publication.Slug, publication.Name, DeskAccess.NameOf(user), request, folder, jobs.Now) { Language = publication.Language };
        if (!await jobs.TryEnqueueAsync(job, cancellationToken))
        {
            ImportJobs.Discard(folder);
            return (null, new("已经有好几期在排队导入，请等它们完成再上传。", StatusCodes.Status503ServiceUnavailable));
        }

        return (job, null);
    }

    public static string JobPage(string id) => "/desk/imports/" + id;

    public static string JobApi(string id) => DeskRegistration.ApiPrefix + "/imports/" + id;

    // A checkbox sends "on" or the value it carries; a hidden fallback may add "false" after it.
    private static bool IsChecked(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));
}
