namespace Broadsheet.Ingest.Packages;

/// <summary>One page file of a package: the printed label, the page's name and where the PDF is.</summary>
internal sealed record PackagePage(string Label, string Name, string FilePath)
{
    /// <summary>The file's name as the user gave it, for messages.</summary>
    public string FileName => Path.GetFileName(FilePath);
}
