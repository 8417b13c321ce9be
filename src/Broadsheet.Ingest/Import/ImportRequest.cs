namespace Broadsheet.Ingest;

/// <summary>What to import and where to.</summary>
public sealed record ImportRequest
{
    /// <summary>
    /// A folder or a .zip holding one PDF (or page image) per page named by page label (<c>01-头版.pdf</c>),
    /// or one PDF of the whole edition, optionally with an <c>edition.json</c>; see docs/formats.md.
    /// </summary>
    public required string SourcePath { get; init; }

    /// <summary>The slug of an existing publication.</summary>
    public required string PublicationSlug { get; init; }

    /// <summary>The edition's date; when null it comes from the manifest, else from the package's name (<c>2026-11-02</c>, <c>20261102</c>).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Replace an edition that already exists for that date instead of refusing.</summary>
    public bool Replace { get; init; }

    /// <summary>
    /// Labels of pages whose text the import's OCR source already holds (a library batch's ALTO): such a page is read
    /// from it even where its PDF has a text layer of its own.
    /// </summary>
    internal IReadOnlySet<string> ReadByOcr { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
