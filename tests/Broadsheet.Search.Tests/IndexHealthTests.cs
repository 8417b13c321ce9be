using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Broadsheet.Search.Tests;

public sealed class IndexHealthTests : IDisposable
{
    private readonly TempIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void A_folder_that_does_not_exist_is_missing()
    {
        var health = SearchIndex.Check(Path.Combine(_index.Folder, "nothing-here"));

        Assert.Equal(IndexHealthStatus.Missing, health.Status);
        Assert.True(health.NeedsRebuild);
        Assert.Contains("rebuild", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_missing()
    {
        var empty = Path.Combine(_index.Folder, "empty");
        System.IO.Directory.CreateDirectory(empty);

        Assert.Equal(IndexHealthStatus.Missing, SearchIndex.Check(empty).Status);
    }

    [Fact]
    public async Task A_working_index_is_healthy_and_counted()
    {
        await _index.Index.IndexAsync([Articles.Make(1), Articles.Make(2)]);

        var health = SearchIndex.Check(_index.IndexPath);

        Assert.Equal(IndexHealthStatus.Healthy, health.Status);
        Assert.Equal(2, health.Documents);
        Assert.False(health.NeedsRebuild);
    }

    [Fact]
    public void A_new_index_is_healthy_and_empty()
    {
        Assert.Equal(new IndexHealth(IndexHealthStatus.Healthy, 0, SearchIndex.Check(_index.IndexPath).Message), SearchIndex.Check(_index.IndexPath));
        Assert.True(_index.Index.HealthAtOpen.Status is IndexHealthStatus.Missing, _index.Index.HealthAtOpen.Message);
    }

    [Fact]
    public async Task A_deleted_segments_file_is_corrupt()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "民警")]);
        _index.Index.Dispose();

        File.Delete(System.IO.Directory.GetFiles(_index.IndexPath, "segments_*").Single());

        var health = SearchIndex.Check(_index.IndexPath);
        Assert.Equal(IndexHealthStatus.Corrupt, health.Status);
        Assert.Contains("segments", health.Message, StringComparison.Ordinal);
        _index.Reopen();
    }

    [Fact]
    public async Task A_segments_file_overwritten_with_garbage_is_corrupt()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "民警")]);
        _index.Index.Dispose();

        File.WriteAllBytes(System.IO.Directory.GetFiles(_index.IndexPath, "segments_*").Single(), Garbage(200));

        Assert.Equal(IndexHealthStatus.Corrupt, SearchIndex.Check(_index.IndexPath).Status);
        _index.Reopen();
    }

    [Fact]
    public async Task Damaged_bytes_inside_a_data_file_are_corrupt()
    {
        await _index.Index.IndexAsync([.. Enumerable.Range(1, 50).Select(i => Articles.Make(i, body: "两名民警赶到现场，经过调解双方和解。"))]);
        _index.Index.Dispose();

        // Flip bytes in the middle of the largest file, keeping its length: only the checksum can tell.
        var largest = new DirectoryInfo(_index.IndexPath).GetFiles().OrderByDescending(f => f.Length).First();
        var bytes = File.ReadAllBytes(largest.FullName);
        for (var i = bytes.Length / 2; i < (bytes.Length / 2) + 16; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(largest.FullName, bytes);

        Assert.Equal(IndexHealthStatus.Corrupt, SearchIndex.Check(_index.IndexPath).Status);
        _index.Reopen();
    }

    [Fact]
    public async Task Opening_a_damaged_index_sets_it_aside_and_starts_empty()
    {
        await _index.Index.IndexAsync([Articles.Make(1, body: "民警")]);

        _index.Reopen(path => File.WriteAllBytes(System.IO.Directory.GetFiles(path, "segments_*").Single(), Garbage(64)));

        Assert.Equal(IndexHealthStatus.Corrupt, _index.Index.HealthAtOpen.Status);
        Assert.True(_index.Index.HealthAtOpen.NeedsRebuild);
        Assert.Contains(".corrupt-1", _index.Index.HealthAtOpen.Message, StringComparison.Ordinal);
        Assert.True(System.IO.Directory.Exists(_index.IndexPath + ".corrupt-1"));
        Assert.Equal(0, _index.Search("民警").Total);
        await _index.Index.IndexAsync([Articles.Make(2, body: "民警")]);
        Assert.Equal([2], _index.Ids("民警"));
    }

    [Fact]
    public void An_index_written_without_our_schema_version_is_outdated()
    {
        var path = Path.Combine(_index.Folder, "old");
        using (var dir = FSDirectory.Open(path))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            writer.AddDocument([new StringField("id", "1", Field.Store.YES)]);
            writer.Commit();
        }

        var health = SearchIndex.Check(path);

        Assert.Equal(IndexHealthStatus.Outdated, health.Status);
        Assert.True(health.NeedsRebuild);
    }

    [Fact]
    public async Task An_outdated_index_stays_outdated_through_new_writes_until_rebuilt()
    {
        var path = Path.Combine(_index.Folder, "old");
        using (var dir = FSDirectory.Open(path))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            writer.AddDocument([new StringField("id", "1", Field.Store.YES)]);
            writer.Commit();
        }

        using (var index = new SearchIndex(path))
        {
            Assert.Equal(IndexHealthStatus.Outdated, index.HealthAtOpen.Status);
            await index.IndexAsync([Articles.Make(2, body: "民警")]);
            Assert.Equal(IndexHealthStatus.Outdated, SearchIndex.Check(path).Status);

            await index.RebuildAsync(Rows(Articles.Make(2, body: "民警")));
        }

        Assert.Equal(IndexHealthStatus.Healthy, SearchIndex.Check(path).Status);
    }

    [Fact]
    public void A_folder_of_other_files_is_never_taken_over()
    {
        var notAnIndex = Path.Combine(_index.Folder, "documents");
        System.IO.Directory.CreateDirectory(notAnIndex);
        File.WriteAllText(Path.Combine(notAnIndex, "broadsheet.db"), "precious");

        Assert.Equal(IndexHealthStatus.Corrupt, SearchIndex.Check(notAnIndex).Status);
        var refused = Assert.Throws<InvalidOperationException>(() => new SearchIndex(notAnIndex).Dispose());

        Assert.Contains("not a search index", refused.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(notAnIndex, "broadsheet.db")));
        Assert.False(System.IO.Directory.Exists(notAnIndex + ".corrupt-1"));
    }

    [Fact]
    public void A_second_instance_on_the_same_folder_is_refused()
    {
        Assert.ThrowsAny<Exception>(() => new SearchIndex(_index.IndexPath).Dispose());
        Assert.Equal(0, _index.Search("民警").Total);
    }

    private static async IAsyncEnumerable<ArticleDocument> Rows(params ArticleDocument[] articles)
    {
        foreach (var article in articles)
        {
            await Task.Yield();
            yield return article;
        }
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
