using System.Globalization;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// Which edition a package is: its date (from the request, else the manifest, else the package's name) and
/// its number within the day (from the manifest, else 1). Where the request and the manifest both say, they
/// must agree, so a package is never filed under another day or another paper by mistake.
/// </summary>
internal static class EditionIdentity
{
    public static (DateOnly Date, int Number) Resolve(ImportRequest request, EditionPackage package, string display)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(package);
        var manifest = package.Manifest;
        const string file = EditionManifest.FileName;
        if (manifest?.Publication is { } publication && !string.Equals(publication, request.PublicationSlug, StringComparison.Ordinal))
        {
            throw new ImportException($"{file}: $.publication is '{publication}', but the import is for '{request.PublicationSlug}'");
        }

        DateOnly? stated = manifest?.Date is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        if (request.Date is { } asked && stated is { } given && asked != given)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: $.date is {given:yyyy-MM-dd}, but the import is for {asked:yyyy-MM-dd}; correct one of them"));
        }

        var date = request.Date ?? stated ?? EditionDate.FromName(request.SourcePath)
            ?? throw new ImportException($"{display}: no edition date in the name; name the package like 2026-11-02 or give the date");
        return (date, manifest?.Edition ?? 1);
    }
}
