using System.Text;
using Broadsheet.Data.Blobs;

namespace Broadsheet.Data.Tests;

public sealed class LocalDiskBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "broadsheet-blob-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Put_then_read_returns_the_same_bytes_and_leaves_no_temporary_file()
    {
        var store = new LocalDiskBlobStore(_root);
        await store.PutAsync("pages/ab/abc.png", new MemoryStream(Encoding.UTF8.GetBytes("page image")));

        await using var stream = await store.OpenReadAsync("pages/ab/abc.png");
        using var reader = new StreamReader(stream!);
        Assert.Equal("page image", await reader.ReadToEndAsync());
        Assert.Equal(["abc.png"], Directory.GetFiles(Path.Combine(_root, "pages", "ab")).Select(Path.GetFileName));
        Assert.Equal(["pages/ab/abc.png"], await store.ListAsync("pages/").ToListAsync());
    }

    [Fact]
    public async Task Iiif_tile_keys_with_commas_are_stored_in_nested_folders()
    {
        var store = new LocalDiskBlobStore(_root);
        const string tile = "pages/ab/abc-2000/tiles/1024,0,512,512/512,512/0/default.jpg";

        await store.PutAsync(tile, new MemoryStream([1, 2, 3]));

        Assert.True(File.Exists(Path.Combine(_root, "pages", "ab", "abc-2000", "tiles", "1024,0,512,512", "512,512", "0", "default.jpg")));
        Assert.Equal([tile], await store.ListAsync("pages/ab/abc-2000/").ToListAsync());
    }

    [Fact]
    public async Task A_folder_is_taken_whole_when_nothing_is_under_its_prefix_and_refused_when_something_is()
    {
        var store = new LocalDiskBlobStore(_root);
        var staging = Path.Combine(_root + "-staging", "images");
        Directory.CreateDirectory(Path.Combine(staging, "tiles", "0,0,512,512", "512,", "0"));
        await File.WriteAllTextAsync(Path.Combine(staging, "tiles", "0,0,512,512", "512,", "0", "default.jpg"), "tile");
        await File.WriteAllTextAsync(Path.Combine(staging, "large.jpg"), "large");

        Assert.True(await store.TryPutFolderAsync("pages/ab/abc-2000", staging));

        Assert.False(Directory.Exists(staging));
        Assert.Equal(
            ["pages/ab/abc-2000/large.jpg", "pages/ab/abc-2000/tiles/0,0,512,512/512,/0/default.jpg"],
            (await store.ListAsync("pages/ab/abc-2000/").ToListAsync()).Order(StringComparer.Ordinal));

        Directory.CreateDirectory(staging);
        await File.WriteAllTextAsync(Path.Combine(staging, "large.jpg"), "another");
        Assert.False(await store.TryPutFolderAsync("pages/ab/abc-2000", staging));
        Assert.True(File.Exists(Path.Combine(staging, "large.jpg")));
        await using var kept = await store.OpenReadAsync("pages/ab/abc-2000/large.jpg");
        Assert.Equal("large", await new StreamReader(kept!).ReadToEndAsync());
        Directory.Delete(_root + "-staging", recursive: true);
    }

    [Fact]
    public async Task Missing_blob_reads_as_null_and_delete_is_idempotent()
    {
        var store = new LocalDiskBlobStore(_root);
        Assert.Null(await store.OpenReadAsync("pdf/none.pdf"));
        Assert.False(await store.ExistsAsync("pdf/none.pdf"));
        await store.DeleteAsync("pdf/none.pdf");
    }

    [Theory]
    [InlineData("../escape.png")]
    [InlineData("/etc/passwd")]
    [InlineData("pages/../../x")]
    [InlineData("pages\\x.png")]
    [InlineData("")]
    public async Task Keys_that_would_leave_the_folder_are_refused(string key)
    {
        var store = new LocalDiskBlobStore(_root);
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new MemoryStream([1])));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
