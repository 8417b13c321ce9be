using System.CommandLine;
using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data.Accounts;
using Broadsheet.Ingest;
using Broadsheet.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Cli.Commands;

/// <summary>A demo paper: a week of generated editions, imported the way a real paper's are, then served.</summary>
internal static class DemoCommand
{
    public const string Slug = "binjiang";
    private const int Days = 7;
    private const string DeskUser = "admin";

    public static Command Create()
    {
        var data = CommonOptions.Data();
        var urls = CommonOptions.Urls();
        var noServe = new Option<bool>("--no-serve") { Description = "Import the demo editions and stop, without serving them." };
        var command = new Command("demo", $"Create the demo paper {Slug} with {Days} daily editions of 8 pages ending today, and serve it.") { data, urls, noServe };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var folder = CommonOptions.Folder(result, data);
            await ImportDemoAsync(folder, cancellationToken);
            return result.GetValue(noServe) ? 0 : await ServeCommand.RunAsync(folder, result.GetRequiredValue(urls), cancellationToken);
        }));
        return command;
    }

    private static async Task ImportDemoAsync(DataFolder folder, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.OpenAsync(folder, cancellationToken);
        var store = services.GetRequiredService<IEditionStore>();
        var publication = await store.FindPublicationAsync(Slug, cancellationToken)
            ?? await store.AddPublicationAsync(NewPublication(), cancellationToken);
        var importer = services.GetRequiredService<EditionImporter>();
        var today = publication.Today(services.GetRequiredService<TimeProvider>());

        for (var date = today.AddDays(1 - Days); date <= today; date = date.AddDays(1))
        {
            if (await store.EditionExistsAsync(publication.Id, date, 1, cancellationToken))
            {
                Console.WriteLine($"{Slug} {date:yyyy-MM-dd} is already there.");
                continue;
            }

            var package = Path.Combine(folder.StagingPath, $"demo-{date:yyyy-MM-dd}");
            try
            {
                Console.WriteLine($"Generating and importing {Slug} {date:yyyy-MM-dd} …");
                SampleEditionGenerator.Generate(
                    new SampleEditionOptions
                    {
                        Seed = date.DayNumber,
                        Date = date,
                        PageCount = 8,
                        PublicationName = publication.Name,
                        IncludeEnglishPage = date.DayOfWeek == DayOfWeek.Sunday,
                        IssueNumber = date.DayNumber - 730000,
                    },
                    package);
                var imported = await ImportProgressView.RunAsync(
                    importer, new ImportRequest { SourcePath = package, PublicationSlug = Slug, Date = date }, quiet: false, cancellationToken);
                ImportCommand.Report(imported);
            }
            finally
            {
                if (Directory.Exists(package))
                {
                    Directory.Delete(package, recursive: true);
                }
            }
        }

        await SearchCatchUp.RunAsync(services, quiet: false, cancellationToken);
        await EnsureDeskUserAsync(services, cancellationToken);
    }

    /// <summary>Makes the demo's desk account on first run, so the desk at /desk can be tried at once.</summary>
    private static async Task EnsureDeskUserAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<DeskAccounts>();
        if ((await accounts.ListAsync(cancellationToken)).Count > 0)
        {
            Console.WriteLine("The desk (/desk) has its accounts already; `broadsheet users password <name>` sets a new password.");
            return;
        }

        var password = UsersCommand.NewPassword();
        await accounts.AddAsync(DeskUser, password, DeskRoles.Admin, [], cancellationToken);
        Console.WriteLine($"The desk is at /desk: user '{DeskUser}', password {password} (shown once; `broadsheet users password {DeskUser}` sets another).");
    }

    /// <summary>The demo paper's website (网站首页).</summary>
    public const string WebsiteUrl = "https://example.com/";

    private static Publication NewPublication()
    {
        var publication = new Publication(Slug, "滨江日报", "zh-CN", "Asia/Shanghai")
        {
            FooterLines =
            [
                "滨江日报社主办 · 国内统一连续出版物号 CN 00-0000（示例）",
                "互联网新闻信息服务许可证 00000000000（示例） · 示ICP备00000000号",
                "© 滨江日报社 版权所有 · 本站为 Broadsheet 演示站，内容均为生成的示例文字",
            ],
        };

        // The paper's own site, so the reader's 网站首页 link shows as it would for a real paper; the address is
        // one reserved for examples (RFC 2606), since the demo paper has no site.
        publication.ChangeWebsite(WebsiteUrl);
        return publication;
    }
}
