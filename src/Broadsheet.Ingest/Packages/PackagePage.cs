namespace Broadsheet.Ingest.Packages;

/// <summary>One page of a package: the printed label, the page's name and the file that holds it.</summary>
internal sealed record PackagePage(string Label, string Name, string FilePath)
{
    private readonly string? _fileName;

    /// <summary>How messages name the page's file: its name as the user gave it, with the page number for one page of a multi-page PDF.</summary>
    public string FileName
    {
        get => _fileName ?? Path.GetFileName(FilePath);
        init => _fileName = value;
    }

    /// <summary>The section the page belongs to, when the manifest names one.</summary>
    public string? Section { get; init; }

    /// <summary>Which page of the PDF this is, from 1 (PDFs only).</summary>
    public int PdfPage { get; init; } = 1;

    /// <summary>True when the file holds other pages of the edition too, so this page is cut out of it into a PDF of its own.</summary>
    public bool OnePageOfMany { get; init; }
}
