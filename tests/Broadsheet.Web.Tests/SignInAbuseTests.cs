using System.Net;
using Broadsheet.Data.Accounts;
using Broadsheet.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Web.Tests;

/// <summary>The application where a test says which address each request comes from (header <c>X-Test-Client</c>).</summary>
public sealed class ClientAddressAppFactory : ReaderAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers["X-Test-Client"].FirstOrDefault() is { } address)
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// A failed sign-in never says whether the account exists, and no one can lock an editor out by failing on purpose:
/// guessing is slowed per client and account name, not per account.
/// </summary>
public sealed class SignInAbuseTests(ClientAddressAppFactory app) : IClassFixture<ClientAddressAppFactory>
{
    [Fact]
    public async Task After_many_failures_a_real_account_and_an_unknown_name_answer_alike()
    {
        await DeskSession.CreateUserAsync(app.Services, "real-editor", DeskRoles.Editor, TestEdition.Slug);

        var real = await FailThenTryAsync("10.0.1.1", "real-editor", DeskSession.Password + "-wrong");
        var unknown = await FailThenTryAsync("10.0.1.2", "no-such-editor", DeskSession.Password + "-wrong");

        Assert.Equal(real, unknown);
        Assert.Equal(HttpStatusCode.Unauthorized, real.Status);
    }

    [Fact]
    public async Task Failing_on_purpose_from_one_address_does_not_lock_the_editor_out_elsewhere()
    {
        await DeskSession.CreateUserAsync(app.Services, "victim", DeskRoles.Editor, TestEdition.Slug);
        for (var i = 0; i < 12; i++)
        {
            using var wrong = await LoginAsync("10.0.2.66", "victim", "guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var attacker = await LoginAsync("10.0.2.66", "victim", DeskSession.Password);
        using var editor = await LoginAsync("10.0.2.7", "victim", DeskSession.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, attacker.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
    }

    [Fact]
    public async Task One_address_guessing_across_many_names_is_stopped()
    {
        await DeskSession.CreateUserAsync(app.Services, "sprayed", DeskRoles.Editor, TestEdition.Slug);
        for (var i = 0; i < 20; i++)
        {
            using var wrong = await LoginAsync("10.0.3.9", "name-" + i, "Password1");
        }

        using var right = await LoginAsync("10.0.3.9", "sprayed", DeskSession.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    /// <summary>Five wrong passwords, then a sixth attempt: its status and the message it shows.</summary>
    private async Task<(HttpStatusCode Status, string? Message)> FailThenTryAsync(string address, string name, string password)
    {
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await LoginAsync(address, name, password);
        }

        using var sixth = await LoginAsync(address, name, password);
        var page = DeskClient.Parse(await sixth.Content.ReadAsStringAsync());
        return (sixth.StatusCode, page.QuerySelector(".desk-error")?.TextContent);
    }

    private async Task<HttpResponseMessage> LoginAsync(string address, string name, string password)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add("X-Test-Client", address);
        return await DeskSession.PostLoginAsync(client, name, password);
    }
}
