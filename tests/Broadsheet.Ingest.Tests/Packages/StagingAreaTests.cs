using Broadsheet.Ingest.Packages;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Packages;

public sealed class StagingAreaTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_new_import_removes_what_killed_imports_left_and_keeps_a_running_ones()
    {
        var root = _temp.Folder("staging");

        // A killed import: its lock file is still there but nobody holds it.
        var killed = Directory.CreateDirectory(Path.Combine(root, "import-killed", "package")).FullName;
        File.WriteAllText(Path.Combine(killed, "01.pdf"), "%PDF-1.4");
        File.WriteAllText(Path.Combine(root, "import-killed.lock"), "");

        // An import whose lock nobody holds but whose process (this one's parent, say) still runs: a file
        // system that ignores locks; left alone.
        using var alive = System.Diagnostics.Process.Start("sleep", "60");
        var ignoredLock = Directory.CreateDirectory(Path.Combine(root, "import-nfs")).FullName;
        File.WriteAllText(Path.Combine(root, "import-nfs.lock"), alive.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // An older import that died before it had a lock file at all.
        Directory.CreateDirectory(Path.Combine(root, "import-older", "pages"));

        // An import running now, in this process or another: it holds its lock.
        using var running = StagingArea.Create(root);
        File.WriteAllText(Path.Combine(running.Path, "work.png"), "busy");

        using var next = StagingArea.Create(root);

        Assert.False(Directory.Exists(Path.Combine(root, "import-killed")));
        Assert.False(File.Exists(Path.Combine(root, "import-killed.lock")));
        Assert.False(Directory.Exists(Path.Combine(root, "import-older")));
        Assert.True(File.Exists(Path.Combine(running.Path, "work.png")));
        Assert.True(Directory.Exists(ignoredLock));
        alive.Kill();
        Assert.True(Directory.Exists(next.Path));
    }

    [Fact]
    public void Disposing_removes_the_folder_and_its_lock()
    {
        var root = _temp.Folder("staging");
        var area = StagingArea.Create(root);
        File.WriteAllText(Path.Combine(area.Path, "scratch"), "x");

        area.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }
}
