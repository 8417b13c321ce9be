using System.CommandLine;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Cli.Commands;

internal static class PublicationCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var slug = new Argument<string>("slug") { Description = "The publication's URL name: lowercase letters, digits, hyphens." };
        var name = new Option<string>("--name") { Description = "The publication's name as printed, e.g. 滨江日报.", Required = true };
        var language = new Option<string>("--language") { Description = "Language tag of the paper.", DefaultValueFactory = _ => "zh-CN" };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA time zone in which edition dates are reckoned.", DefaultValueFactory = _ => "Asia/Shanghai" };
        var footer = new Option<string[]>("--footer") { Description = "A footer line (licence, ICP record, copyright); repeat for several.", AllowMultipleArgumentsPerToken = false };

        var add = new Command("add", "Create a publication.") { slug, name, language, timeZone, footer, data };
        add.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            await using var services = await CliServices.OpenAsync(CommonOptions.Folder(result, data), cancellationToken);
            var store = services.GetRequiredService<IEditionStore>();
            var wanted = result.GetRequiredValue(slug);
            if (await store.FindPublicationAsync(wanted, cancellationToken) is not null)
            {
                throw new DomainException($"Publication '{wanted}' already exists.");
            }

            var publication = new Publication(wanted, result.GetRequiredValue(name), result.GetRequiredValue(language), result.GetRequiredValue(timeZone))
            {
                FooterLines = [.. result.GetValue(footer) ?? []],
            };
            await store.AddPublicationAsync(publication, cancellationToken);
            Console.WriteLine($"Created publication '{publication.Slug}' ({publication.Name}).");
            return 0;
        }));

        return new Command("publication", "Manage publications.") { add };
    }
}
