namespace Broadsheet.Ingest.Packages;

/// <summary>
/// How much a package may hold: bytes and entries a zip may unpack to (against zip bombs) and pages (against a
/// PDF of thousands of pages, or a folder of them). <paramref name="CountPdfPages"/> counts a PDF's pages when
/// the package is one PDF of the whole edition; it must not parse the file in this process (the importer asks
/// the sanitiser's limited process), and answers null for a file that does not open (validation says why).
/// </summary>
internal sealed record PackageLimits(long MaxBytes, int MaxEntries, int MaxPages = int.MaxValue, Func<string, int?>? CountPdfPages = null);
