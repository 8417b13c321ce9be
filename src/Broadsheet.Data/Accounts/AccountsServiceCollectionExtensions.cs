using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Data.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the desk's accounts: ASP.NET Core Identity over the Broadsheet database, with roles, passwords of at
    /// least 10 characters (length over composition rules) and lockout for 15 minutes after 5 failed sign-ins.
    /// </summary>
    public static IdentityBuilder AddDeskAccounts(this IServiceCollection services)
    {
        // UserManager logs; the command line has no host that would have added logging.
        services.AddLogging();
        var builder = services
            .AddIdentityCore<DeskUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BroadsheetDbContext>();
        services.AddScoped<DeskAccounts>();
        return builder;
    }
}
