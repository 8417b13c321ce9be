using System.Net;
using System.Text.Json;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests.Api;

/// <summary>A failure behind the API (here, the editions cannot be listed) is a 500 problem, and says nothing of what failed.</summary>
public sealed class ApiServerErrorTests(ApiServerErrorTests.FailingAppFactory app) : IClassFixture<ApiServerErrorTests.FailingAppFactory>
{
    [Fact]
    public async Task A_failure_behind_an_endpoint_is_a_500_problem_without_its_details()
    {
        using var response = await app.NewClient().GetAsync(new Uri("/api/v1/publications/binjiang/editions", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain(FailingAppFactory.Secret, body, StringComparison.Ordinal);
        Assert.Null(response.Headers.ETag);

        // The rest of the API still answers.
        using var edition = await app.NewClient().GetAsync(new Uri("/api/v1/publications/binjiang/editions/2026-11-02", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, edition.StatusCode);
    }

    /// <summary>The seeded site whose list of a paper's editions fails, as it would with its database gone.</summary>
    public sealed class FailingAppFactory : ReaderAppFactory
    {
        public const string Secret = "connection to db-7.internal refused";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var real = services.Single(s => s.ServiceType == typeof(IReaderEditions));
                services.Remove(real);
                services.AddSingleton<IReaderEditions>(provider =>
                    new FailingList((IReaderEditions)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!)));
            });
        }
    }

    private sealed class FailingList(IReaderEditions inner) : IReaderEditions
    {
        public Task<IReadOnlyList<EditionSummary>> ListAsync(string slug, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(FailingAppFactory.Secret);

        public Task<PublishedEdition?> FindAsync(string slug, DateOnly date, int? number, CancellationToken cancellationToken = default) => inner.FindAsync(slug, date, number, cancellationToken);

        public Task<Publication?> FindPublicationAsync(string slug, CancellationToken cancellationToken = default) => inner.FindPublicationAsync(slug, cancellationToken);

        public Task<EditionSummary?> LatestAsync(string? slug, DateOnly? date, CancellationToken cancellationToken = default) => inner.LatestAsync(slug, date, cancellationToken);

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
