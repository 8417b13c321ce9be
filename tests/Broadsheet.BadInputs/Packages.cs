using System.IO.Compression;
using System.Text;

namespace Broadsheet.BadInputs;

/// <summary>Writes edition packages around bad files: a dated folder of page files, or a dated zip.</summary>
public static class Packages
{
    /// <summary>The date every package of the corpus is for.</summary>
    public const string Date = "2026-11-03";

    /// <summary>A good page PDF with a headline and some body text.</summary>
    public static byte[] GoodPage(string headline = "Council approves the budget") => RawPdf.Page(headline).Build();

    /// <summary>A folder <c>{root}/2026-11-03</c> holding the files given.</summary>
    public static string Folder(string root, params (string Name, byte[] Data)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, Date)).FullName;
        foreach (var (name, data) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), data);
        }

        return folder;
    }

    /// <summary>Two good pages and the bad file as page 03 (or under the name given).</summary>
    public static string WithGoodPages(string root, string name, byte[] data) =>
        Folder(root, ("01-Front.pdf", GoodPage()), ("02-City.pdf", GoodPage("Bridge reopens after repairs")), (name, data));

    /// <summary>A zip <c>{root}/2026-11-03.zip</c> of the files given, written by .NET's own zip writer.</summary>
    public static string Zip(string root, params (string Name, byte[] Data)[] files)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, Date + ".zip");
        File.WriteAllBytes(path, ZipBytes(files));
        return path;
    }

    /// <summary>A zip written as given, for archives .NET's zip writer would not make.</summary>
    public static string ZipFile(string root, byte[] zip)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, Date + ".zip");
        File.WriteAllBytes(path, zip);
        return path;
    }

    public static byte[] ZipBytes(params (string Name, byte[] Data)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in files)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(data);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A package with an <c>edition.json</c> and the three pages the manifests of the corpus name.</summary>
    public static string WithManifest(string root, string json, string manifestName = "edition.json") =>
        Folder(root,
            ("01-Front.pdf", GoodPage()),
            ("02-City.pdf", GoodPage("Bridge reopens after repairs")),
            ("03-Life.pdf", GoodPage("Harbour festival draws crowds")),
            (manifestName, Encoding.UTF8.GetBytes(json)));
}
