using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Tests;

/// <summary>The old site's links as <c>migrate-site</c> writes them and the reader asks for them, on either provider.</summary>
public sealed class OldLinksTests
{
    private static readonly DateOnly First = new(2015, 3, 8);
    private static readonly DateOnly Second = new(2015, 3, 9);

    [Fact]
    public async Task An_editions_links_are_replaced_together_and_a_path_leads_to_the_last_place_recorded()
    {
        await using var data = await TempDataFolder.CreateAsync();
        var store = data.Services.GetRequiredService<IEditionStore>();
        var links = data.Services.GetRequiredService<IOldLinks>();
        var paper = await store.AddPublicationAsync(new Publication("binjiang", "滨江日报"));
        var other = await store.AddPublicationAsync(new Publication("wanbao", "滨江晚报"));

        await links.ReplaceAsync(paper.Id, First, [
            new(paper.Id, First, "/html/2015-03/08/node_2.htm", "/binjiang/2015-03-08/01"),
            new(paper.Id, First, "/html/2015-03/08/content_1.htm", "/binjiang/2015-03-08/01/1"),
            new(paper.Id, First, "/html/2015-03/08/内容_2.htm", "/binjiang/2015-03-08/01/2"),
        ]);
        await links.ReplaceAsync(paper.Id, Second, [new(paper.Id, Second, "/html/2015-03/09/node_2.htm", "/binjiang/2015-03-09/01")]);
        // Migrated again: the edition's links are the new run's, the old ones it no longer has gone.
        await links.ReplaceAsync(paper.Id, First, [
            new(paper.Id, First, "/html/2015-03/08/node_2.htm", "/binjiang/2015-03-08/01"),
            new(paper.Id, First, "/html/2015-03/08/content_1.htm", "/binjiang/2015-03-08/01/3"),
        ]);
        // Another paper's migration recording one of these paths takes it over.
        await links.ReplaceAsync(other.Id, Second, [new(other.Id, Second, "/html/2015-03/09/node_2.htm", "/wanbao/2015-03-09/A01")]);

        Assert.Equal("/binjiang/2015-03-08/01/3", await links.FindAsync("/html/2015-03/08/content_1.htm"));
        Assert.Null(await links.FindAsync("/html/2015-03/08/内容_2.htm"));
        Assert.Equal("/wanbao/2015-03-09/A01", await links.FindAsync("/html/2015-03/09/node_2.htm"));
        Assert.Null(await links.FindAsync("/HTML/2015-03/08/content_1.htm"));
        Assert.Null(await links.FindAsync(""));
        Assert.Equal((2, 0, 1), (await links.CountAsync(paper.Id, First), await links.CountAsync(paper.Id, Second), await links.CountAsync(other.Id, Second)));
    }

    [Theory]
    [InlineData("html/2015-03/08/node_2.htm", "/binjiang/2015-03-08/01")]
    [InlineData("/html/2015-03/08/node_2.htm", "https://elsewhere.example/")]
    [InlineData("/html/2015-03/08/node_2.htm", "//elsewhere.example/")]
    public void An_old_link_is_a_path_on_the_old_site_leading_to_a_path_on_this_one(string path, string target) =>
        Assert.Throws<DomainException>(() => new OldLink(1, First, path, target));
}
