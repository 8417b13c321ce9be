using System.IO.Compression;
using System.Net;
using System.Text;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>
/// A year's zip is sent as it is made: the client has the first edition's files while the server has not yet
/// loaded the second edition (held back here until the client says so), so a year never has to fit in memory.
/// </summary>
public sealed class YearArchiveStreamingTests(YearArchiveStreamingTests.GatedAppFactory app) : IClassFixture<YearArchiveStreamingTests.GatedAppFactory>
{
    [Fact]
    public async Task The_first_edition_arrives_before_the_second_is_read()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var response = await app.NewClient().GetAsync(new Uri("/api/v1/publications/binjiang/years/2026.zip", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        // The binjiang editions are 2026-11-01 and 2026-11-02; the zip's local headers carry the names in clear.
        var firstAlto = Encoding.UTF8.GetBytes("binjiang-2026/2026-11-01/alto.xml");
        while (received.ToArray().AsSpan().IndexOf(firstAlto) < 0)
        {
            var read = await body.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, "the zip ended before the first edition's ALTO");
            received.Write(buffer, 0, read);
        }

        Assert.Equal(1, app.Gate.EditionsLoaded);
        app.Gate.Open();
        await body.CopyToAsync(received, timeout.Token);

        received.Position = 0;
        using var zip = new ZipArchive(received);
        Assert.Contains("binjiang-2026/2026-11-02/text.json", zip.Entries.Select(e => e.FullName));
        Assert.Equal(2, app.Gate.EditionsLoaded);
    }

    /// <summary>The seeded site whose published editions are loaded one at a time, the second only once the gate is opened.</summary>
    public sealed class GatedAppFactory : ReaderAppFactory
    {
        public EditionGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var real = services.Single(s => s.ServiceType == typeof(IReaderEditions));
                services.Remove(real);
                services.AddSingleton<IReaderEditions>(provider =>
                    new GatedEditions((IReaderEditions)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!), Gate));
            });
        }
    }

    public sealed class EditionGate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _loaded;

        public int EditionsLoaded => Volatile.Read(ref _loaded);

        public void Open() => _open.TrySetResult();

        internal async Task EnterAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _loaded) >= 1)
            {
                await _open.Task.WaitAsync(cancellationToken);
            }

            Interlocked.Increment(ref _loaded);
        }
    }

    private sealed class GatedEditions(IReaderEditions inner, EditionGate gate) : IReaderEditions
    {
        public async Task<PublishedEdition?> FindAsync(string slug, DateOnly date, int? number, CancellationToken cancellationToken = default)
        {
            await gate.EnterAsync(cancellationToken);
            return await inner.FindAsync(slug, date, number, cancellationToken);
        }

        public Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken = default) => inner.FindPublicationAsync(slug, cancellationToken);

        public Task<EditionSummary?> LatestAsync(string? slug, DateOnly? date, CancellationToken cancellationToken = default) => inner.LatestAsync(slug, date, cancellationToken);

        public Task<IReadOnlyList<EditionSummary>> ListAsync(string slug, CancellationToken cancellationToken = default) => inner.ListAsync(slug, cancellationToken);

        public Task<(IReadOnlyList<EditionSummary> Editions, DateOnly? First, DateOnly? Last)> MonthAsync(string slug, int year, int month, CancellationToken cancellationToken = default) =>
            inner.MonthAsync(slug, year, month, cancellationToken);

        public Task<EditionSummary?> NearestAsync(string slug, DateOnly? date, CancellationToken cancellationToken = default) => inner.NearestAsync(slug, date, cancellationToken);

        public Task<IReadOnlyList<Edition>> EditionsOfMonthAsync(string slug, int year, int month, CancellationToken cancellationToken = default) =>
            inner.EditionsOfMonthAsync(slug, year, month, cancellationToken);

        public Task<IReadOnlyList<(string Slug, int Year, int Month)>> MonthsAsync(CancellationToken cancellationToken = default) => inner.MonthsAsync(cancellationToken);

        public Task<IReadOnlyList<EditionState>> StatesAsync(CancellationToken cancellationToken = default) => inner.StatesAsync(cancellationToken);

        public Task<IReadOnlySet<string>> BlobKeysAsync(CancellationToken cancellationToken = default) => inner.BlobKeysAsync(cancellationToken);
    }
}
