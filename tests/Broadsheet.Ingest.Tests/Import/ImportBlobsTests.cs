using Broadsheet.Data.Blobs;
using Broadsheet.Ingest.Import;
using Broadsheet.Ingest.Tests.Fakes;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Import;

public sealed class ImportBlobsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Moving_a_page_folder_in_stores_every_file_and_leaves_no_folder_behind()
    {
        var folder = _temp.Folder("images");
        Directory.CreateDirectory(Path.Combine(folder, "tiles", "0,0,512,512", "512,512", "0"));
        await File.WriteAllTextAsync(Path.Combine(folder, "tiles", "0,0,512,512", "512,512", "0", "default.jpg"), "tile");
        await File.WriteAllTextAsync(Path.Combine(folder, "large.jpg"), "large");
        var store = new FakeBlobStore();

        await new ImportBlobs(store).MoveInFolderAsync("pages/ab", folder, CancellationToken.None);

        Assert.Equal(["pages/ab/large.jpg", "pages/ab/tiles/0,0,512,512/512,512/0/default.jpg"], store.Keys);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_folder_the_disk_took_whole_is_taken_back_when_the_import_fails()
    {
        var folder = _temp.Folder("images");
        Directory.CreateDirectory(Path.Combine(folder, "tiles", "0,0,512,512", "512,", "0"));
        await File.WriteAllTextAsync(Path.Combine(folder, "tiles", "0,0,512,512", "512,", "0", "default.jpg"), "tile");
        await File.WriteAllTextAsync(Path.Combine(folder, "large.jpg"), "large");
        var store = new LocalDiskBlobStore(_temp.Folder("blobs"));
        await store.PutAsync("pages/cd/kept.jpg", new MemoryStream([1]));
        var blobs = new ImportBlobs(store);

        await blobs.MoveInFolderAsync("pages/ab/abc-2000", folder, CancellationToken.None);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(2, (await store.ListAsync("pages/ab/").ToListAsync()).Count);

        await blobs.DeleteAddedAsync();

        Assert.Equal(["pages/cd/kept.jpg"], await store.ListAsync("pages/").ToListAsync());
    }

    public void Dispose() => _temp.Dispose();
}
