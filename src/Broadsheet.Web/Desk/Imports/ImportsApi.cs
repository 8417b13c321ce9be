using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Broadsheet.Web.Desk.Imports;
using Microsoft.Extensions.Options;

// In the desk's namespace, so MapDesk maps it without another using.
namespace Broadsheet.Web.Desk;

/// <summary>
/// <c>POST /desk/api/{slug}/imports</c> starts an import from uploaded files; <c>GET /desk/api/imports/{id}</c>
/// says how it goes, page by page and stage by stage, then what it made.
/// </summary>
internal static class ImportsApi
{
    internal static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<DeskUploadOptions>>().Value;
        api.MapPost("/{slug}/imports", StartAsync)
            .WithUploadLimits(limits);
        api.MapGet("/imports/{id}", GetAsync);
        return api;
    }

    /// <summary>
    /// Lets an upload be as large as the options allow (Kestrel's default stops at 30 MB and a form part at
    /// 128 MB); each file's own limit is checked with its name once the form is read.
    /// </summary>
    internal static TBuilder WithUploadLimits<TBuilder>(this TBuilder builder, DeskUploadOptions limits)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(limits);
        builder.WithMetadata(new UploadSizeLimit(limits.MaxRequestBytes), new UploadFormLimits(limits.MaxRequestBytes));
        return builder;
    }

    private static async Task<Results<Accepted<ImportJobState>, ProblemHttpResult, NotFound, ForbidHttpResult>> StartAsync(
        string slug, HttpContext context, DeskAccess access, ImportUploads uploads, IOptions<DeskUploadOptions> options, CancellationToken cancellationToken)
    {
        var (verdict, publication) = await access.PublicationAsync(context.User, slug, cancellationToken);
        if (verdict == DeskAccess.Verdict.Missing)
        {
            return TypedResults.NotFound();
        }

        if (verdict == DeskAccess.Verdict.Refused)
        {
            return TypedResults.Forbid();
        }

        var max = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > max)
        {
            return TooLarge(max);
        }

        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem("上传要用 multipart/form-data 表单。", statusCode: StatusCodes.Status400BadRequest);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return TooLarge(max);
        }

        var (job, refusal) = await uploads.StartAsync(context.User, publication!, form, cancellationToken);
        if (refusal is not null)
        {
            return TypedResults.Problem(refusal.Message, statusCode: refusal.Status, title: "上传没有被接受");
        }

        return TypedResults.Accepted(ImportUploads.JobApi(job!.Id), job.Snapshot());
    }

    private static async Task<Results<Ok<ImportJobState>, NotFound, ForbidHttpResult>> GetAsync(
        string id, HttpContext context, DeskAccess access, ImportJobs jobs, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(id, cancellationToken) is not { } job)
        {
            return TypedResults.NotFound();
        }

        var (verdict, _) = await access.PublicationAsync(context.User, job.Publication, cancellationToken);
        return verdict switch
        {
            DeskAccess.Verdict.Allowed => TypedResults.Ok(job),
            DeskAccess.Verdict.Missing => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };
    }

    private static ProblemHttpResult TooLarge(long max) =>
        TypedResults.Problem($"这次上传超过了合计 {UploadedFiles.Megabytes(max)} 的上限，没有上传。", statusCode: StatusCodes.Status413PayloadTooLarge, title: "上传没有被接受");

    internal sealed class UploadSizeLimit(long max) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => max;
    }

    /// <summary>A form part may be as large as the whole upload; each file's own limit is checked with its name.</summary>
    internal sealed class UploadFormLimits(long max) : IFormOptionsMetadata
    {
        public bool? BufferBody => null;

        public int? MemoryBufferThreshold => null;

        public long? BufferBodyLengthLimit => null;

        public int? ValueCountLimit => null;

        public int? KeyLengthLimit => null;

        public int? ValueLengthLimit => null;

        public int? MultipartBoundaryLengthLimit => null;

        public int? MultipartHeadersCountLimit => null;

        public int? MultipartHeadersLengthLimit => null;

        public long? MultipartBodyLengthLimit => max;
    }
}
