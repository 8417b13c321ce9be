using System.Globalization;
using static Broadsheet.BadInputs.Packages;

namespace Broadsheet.BadInputs;

/// <summary>Packages whose files are each fine but which together are not an edition.</summary>
internal static class PackageInputs
{
    public static IEnumerable<BadInput> All()
    {
        yield return new BadInput("folder-600-pages", InputKind.Package, "a folder of 600 page PDFs",
            "2026-11-03/: 600 pages, more than the 500 an edition may have (Broadsheet:Ingest:MaxPages)",
            root =>
            {
                var page = GoodPage();
                return Folder(root, [.. Enumerable.Range(1, 600).Select(i => (string.Create(CultureInfo.InvariantCulture, $"{i:000}.pdf"), page))]);
            });
        yield return new BadInput("one-label-twice", InputKind.Package, "02.pdf and 02-City.pdf",
            "02.pdf: page label 02 is also used by 02-City.pdf; each page may appear once",
            root => Folder(root, ("01.pdf", GoodPage()), ("02-City.pdf", GoodPage("A")), ("02.pdf", GoodPage("B"))));
        yield return new BadInput("no-date-anywhere", InputKind.Package, "a package whose name has no date, and no manifest",
            "pages/: no edition date in the name; name the package like 2026-11-02 or give the date",
            root =>
            {
                var folder = Directory.CreateDirectory(Path.Combine(root, "pages")).FullName;
                File.WriteAllBytes(Path.Combine(folder, "01.pdf"), GoodPage());
                return folder;
            });
        yield return new BadInput("long-unicode-file-names", InputKind.Package, "page files with 200-character Chinese names",
            null, root => Folder(root, ("01-" + new string('头', 80) + ".pdf", GoodPage()), ("02-" + new string('版', 80) + ".pdf", GoodPage("B"))));
    }
}
