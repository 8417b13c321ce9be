namespace Broadsheet.Search.Tests;

/// <summary>A search index in its own temporary folder, deleted with everything in it on dispose.</summary>
public sealed class TempIndex : IDisposable
{
    public TempIndex()
    {
        Folder = Path.Combine(Path.GetTempPath(), "broadsheet-search-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        IndexPath = Path.Combine(Folder, "index");
        Index = new SearchIndex(IndexPath);
    }

    public string Folder { get; }

    public string IndexPath { get; }

    public SearchIndex Index { get; private set; }

    public SearchResult Search(string text) => Index.Search(new SearchQuery { Text = text, PageSize = 100 });

    public int[] Ids(string text) => [.. Search(text).Hits.Select(h => h.ArticleId)];

    public int[] Ids(SearchQuery query) => [.. Index.Search(query).Hits.Select(h => h.ArticleId)];

    /// <summary>Closes the index (so its files can be damaged or inspected) and opens it again afterwards.</summary>
    public void Reopen(Action<string>? whileClosed = null)
    {
        Index.Dispose();
        whileClosed?.Invoke(IndexPath);
        Index = new SearchIndex(IndexPath);
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A stray handle on some platforms; the temp folder is cleaned by the OS eventually.
        }
    }
}
