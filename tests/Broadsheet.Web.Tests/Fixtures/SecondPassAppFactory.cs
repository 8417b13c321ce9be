using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Fixtures;

/// <summary>
/// The seeded application with what the reader's second pass shows: page 01 has its printed lines (lines.json),
/// the lead article's photo has images of its own, and the second article was corrected after publication
/// (its second paragraph changed, with a public note and the revision that records it).
/// </summary>
public sealed class SecondPassAppFactory : ReaderAppFactory
{
    /// <summary>The request header a test names its client's address in (the test server has none of its own).</summary>
    public const string AddressHeader = "X-Test-Address";

    public const string ImagesKey = "pages/te/test-01";
    public const string PhotoKey = ImagesKey + "/photos/lead";
    public const string CorrectionNote = "<p>本文第二段“首末班车时间”有误，已更正。</p>";
    public const string CorrectedParagraph = "试运营期间，首班车提前至六点发车。";
    public static readonly DateTimeOffset CorrectedAt = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestAddressFilter>());
    }

    protected override async Task AfterSeedAsync()
    {
        var blobs = Services.GetRequiredService<IBlobStore>();
        var contexts = Services.GetRequiredService<IDbContextFactory<BroadsheetDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var edition = await db.Editions.Include(e => e.Pages).Include(e => e.Articles).ThenInclude(a => a.Images)
            .Include(e => e.Articles).ThenInclude(a => a.Regions)
            .SingleAsync(e => e.Publication.Slug == TestEdition.Slug && e.Date == TestEdition.Day);
        var front = edition.FindPage("01")!;
        front.DerivativesKey = ImagesKey;
        await using (var image = await blobs.OpenReadAsync(front.ImageKey!))
        {
            using var copy = new MemoryStream();
            await image!.CopyToAsync(copy);
            // What an import makes: the large size as a JPEG only.
            foreach (var file in new[] { "page.jpg", "page.webp", "large.jpg", "thumb.jpg", "thumb.webp" })
            {
                await blobs.PutAsync($"{ImagesKey}/{file}", new MemoryStream(copy.ToArray()));
            }
        }

        // Page 01's printed lines: the lead article's headline and paragraphs, twelve characters a line, in its region.
        var lead = edition.Articles.OrderBy(a => a.Order).First();
        var lines = new List<PageTextLine>();
        var y = 0.09;
        foreach (var text in new[] { lead.Headline }.Concat(lead.Paragraphs))
        {
            for (var i = 0; i < text.Length; i += 12)
            {
                lines.Add(new PageTextLine(text.Substring(i, Math.Min(12, text.Length - i)), 0.06, y, 0.06 + (0.04 * Math.Min(12, text.Length - i)), y + 0.012));
                y += 0.015;
            }
        }

        using (var layer = new MemoryStream())
        {
            PageTextLayer.Write(layer, lines);
            await blobs.PutAsync($"{ImagesKey}/{PageTextLayer.FileName}", new MemoryStream(layer.ToArray()));
        }

        lead.Images[0].SetPhoto(PhotoKey, 1600, 1000);
        foreach (var file in new[] { "page.jpg", "page.webp", "large.jpg", "large.webp", "thumb.jpg", "thumb.webp" })
        {
            await blobs.PutAsync($"{PhotoKey}/{file}", new MemoryStream(TestPng.Create(16, 10, (_, _) => (200, 120, 40))));
        }

        var corrected = edition.Articles.OrderBy(a => a.Order).ElementAt(1);
        var before = ArticleSnapshot.Of(corrected);
        corrected.Apply(new ArticleContent
        {
            Headline = corrected.Headline,
            Byline = corrected.Byline,
            Paragraphs = [corrected.Paragraphs[0], CorrectedParagraph],
        });
        corrected.SetCorrectionNote(CorrectionNote, CorrectedAt);
        db.ArticleRevisions.Add(new ArticleRevision(corrected, TestUser, CorrectedAt, "edited the fields", before, ArticleSnapshot.Of(corrected)));
        await db.SaveChangesAsync();
    }

    public const string TestUser = "xiaowang";
}

/// <summary>Gives each request the client address its test names, as a real connection would have one.</summary>
internal sealed class TestAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(following => context =>
        {
            if (context.Request.Headers.TryGetValue(SecondPassAppFactory.AddressHeader, out var address))
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
            }

            return following(context);
        });
        next(app);
    };
}
