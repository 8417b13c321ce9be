using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Search.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "broadsheet-search-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Registers_one_shared_index_that_the_container_disposes()
    {
        var services = new ServiceCollection().AddBroadsheetSearch(Path.Combine(_folder, "index"));
        SearchIndex index;
        using (var provider = services.BuildServiceProvider())
        {
            index = provider.GetRequiredService<SearchIndex>();
            Assert.Same(index, provider.GetRequiredService<SearchIndex>());
            await index.IndexAsync([Articles.Make(1, body: "民警")]);
            Assert.Equal(1, index.Search(new SearchQuery { Text = "民警" }).Total);
        }

        Assert.ThrowsAny<ObjectDisposedException>(() => index.Search(new SearchQuery { Text = "民警" }));
    }
}
