using Broadsheet.Data.Accounts;
using Broadsheet.Web.Desk.Publishing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Desk;

/// <summary>
/// The production desk under <c>/desk</c>: Identity accounts with a cookie that only <c>/desk</c> sees, the
/// <see cref="Policy"/> on every desk page and endpoint, and antiforgery on every write.
/// </summary>
internal static class DeskRegistration
{
    /// <summary>Any desk user: admin or editor. Which publications an editor may touch is <see cref="DeskAccess"/>'s job.</summary>
    public const string Policy = "desk";

    /// <summary>Admins only: publications, the audit log.</summary>
    public const string AdminPolicy = "desk-admin";

    public const string ApiPrefix = "/desk/api";

    public static IServiceCollection AddBroadsheetDesk(this IServiceCollection services)
    {
        services.AddDeskAccounts().AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/desk/login";
            options.LogoutPath = "/desk/logout";
            options.AccessDeniedPath = "/desk/denied";
            options.Cookie.Name = "broadsheet-desk";
            // Readers' requests never carry it, so the reader's caches never see a signed-in request.
            options.Cookie.Path = "/desk";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Scripts calling the desk's JSON endpoints need a status code, not the login page's HTML.
            options.Events.OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireRole(DeskRoles.Admin, DeskRoles.Editor))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(DeskRoles.Admin));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeAreaFolder("Desk", "/", Policy);
            options.Conventions.AllowAnonymousToAreaPage("Desk", "/Login");
            options.Conventions.AllowAnonymousToAreaPage("Desk", "/Denied");
            options.Conventions.AuthorizeAreaFolder("Desk", "/Admin", AdminPolicy);
        });
        services.AddAntiforgery();
        services.AddScoped<DeskAccess>();
        services.AddSingleton<DeskEditions>();
        services.AddSingleton<DeskAudit>();
        services.AddSingleton<DeskSanitizer>();
        services.AddSingleton<SignInThrottle>();
        // Per-client throttling (SignInThrottle) stops guessing from one place; the account's own lock is only for
        // guessing from many, so that no one can lock an editor out by failing on purpose.
        services.Configure<IdentityOptions>(options => options.Lockout.MaxFailedAccessAttempts = 50);
        services.AddSingleton<Layout.PageTexts>();
        services.AddSingleton<EditionPublishing>();
        services.AddOptions<ScheduleOptions>()
            .BindConfiguration(ScheduleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublisher>());
        return services;
    }

    /// <summary>
    /// Desk responses are private and never framed: a CDN or proxy in front of the reader must not keep them, and
    /// another site must not show a desk page inside its own to trick an editor into clicking.
    /// </summary>
    public static IApplicationBuilder UseDeskHeaders(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/desk", StringComparison.OrdinalIgnoreCase),
            desk => desk.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.CacheControl = "no-store";
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "same-origin";
                    headers.XContentTypeOptions = "nosniff";
                    return Task.CompletedTask;
                });
                return next(context);
            }));

    /// <summary>Maps the desk's JSON endpoints; its pages are Razor Pages in <c>Areas/Desk</c>.</summary>
    public static IEndpointRouteBuilder MapDesk(this IEndpointRouteBuilder app)
    {
        var api = app.MapDeskApi();
        api.MapImportsApi();
        api.MapReviewApi();
        api.MapPageEditsApi();
        return app;
    }

    /// <summary>The desk's JSON endpoints: signed in, with an antiforgery token on every write.</summary>
    public static RouteGroupBuilder MapDeskApi(this IEndpointRouteBuilder app) =>
        app.MapGroup(ApiPrefix)
            .RequireAuthorization(Policy)
            // JSON answers stay JSON: the reader's status pages would re-run a write as a request for its not-found page.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.SkipStatusCodePagesAttribute())
            .AddEndpointFilter(ValidateAntiforgeryOnWrites)
            .ExcludeFromDescription();

    private static async ValueTask<object?> ValidateAntiforgeryOnWrites(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem("The form's security token is missing or stale; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }

    private static Task Answer(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            // The reader's status pages would re-run a POST as a post to its not-found page, which answers 400.
            context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}
