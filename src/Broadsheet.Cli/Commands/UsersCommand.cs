using System.CommandLine;
using System.Security.Cryptography;
using Broadsheet.Core.Model;
using Broadsheet.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Broadsheet.Cli.Commands;

/// <summary><c>broadsheet users add|list</c>: the desk's accounts; the first admin is made here.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var name = new Argument<string>("name") { Description = "The user name to sign in with." };
        var role = new Option<string>("--role") { Description = "admin (everything) or editor (the publications given).", DefaultValueFactory = _ => DeskRoles.Editor };
        role.AcceptOnlyFromAmong([.. DeskRoles.All]);
        var publications = new Option<string[]>("--publication") { Description = "A publication an editor may work on; repeat for several.", HelpName = "slug" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };

        var add = new Command("add", "Create a desk account. Without --password-stdin a password is asked for, or made and printed once when there is no terminal.")
        {
            name, role, publications, passwordStdin, data,
        };
        add.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var (password, generated) = ReadPassword(result.GetValue(passwordStdin));
            await using var services = await CliServices.OpenAsync(CommonOptions.Folder(result, data), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<DeskAccounts>();
            var user = await accounts.AddAsync(
                result.GetRequiredValue(name), password, result.GetRequiredValue(role), result.GetValue(publications) ?? [], cancellationToken);
            Console.WriteLine($"Created {result.GetRequiredValue(role)} '{user.UserName}'.");
            if (generated)
            {
                Console.WriteLine($"Password (shown once): {password}");
            }

            return 0;
        }));

        var list = new Command("list", "List desk accounts with their role and publications.") { data };
        list.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            await using var services = await CliServices.OpenAsync(CommonOptions.Folder(result, data), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            foreach (var (userName, roles, slugs) in await scope.ServiceProvider.GetRequiredService<DeskAccounts>().ListAsync(cancellationToken))
            {
                Console.WriteLine($"{userName}\t{string.Join(',', roles)}\t{string.Join(',', slugs)}");
            }

            return 0;
        }));

        var userName = new Argument<string>("name") { Description = "The user whose password to set." };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };
        var password = new Command("password", "Set a new password for a desk account and lift a lockout.") { userName, stdin, data };
        password.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var (secret, generated) = ReadPassword(result.GetValue(stdin));
            await using var services = await CliServices.OpenAsync(CommonOptions.Folder(result, data), cancellationToken);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeskAccounts>().SetPasswordAsync(result.GetRequiredValue(userName), secret);
            Console.WriteLine($"New password set for '{result.GetRequiredValue(userName)}'.");
            if (generated)
            {
                Console.WriteLine($"Password (shown once): {secret}");
            }

            return 0;
        }));

        return new Command("users", "Manage the desk's accounts.") { add, list, password };
    }

    /// <summary>A random password to print once: 18 random bytes as 24 URL-safe characters.</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static (string Password, bool Generated) ReadPassword(bool fromStdin)
    {
        if (fromStdin)
        {
            var line = Console.In.ReadLine();
            return string.IsNullOrEmpty(line)
                ? throw new DomainException("--password-stdin was given but standard input held no password.")
                : (line, false);
        }

        if (Console.IsInputRedirected)
        {
            return (NewPassword(), true);
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
        return string.Equals(first, second, StringComparison.Ordinal)
            ? (first, false)
            : throw new DomainException("The two passwords differ; nothing was created.");
    }
}
