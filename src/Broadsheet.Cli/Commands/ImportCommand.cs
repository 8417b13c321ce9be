using System.CommandLine;
using System.Globalization;
using Broadsheet.Ingest;
using Broadsheet.Ingest.Archives;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var source = new Argument<string>("folder-or-zip") { Description = "A folder or .zip with one PDF per page (named like 01.pdf, A01.pdf or 06-平安贵阳.pdf), one multi-page PDF, or page images (JPEG, PNG, TIFF); an edition.json manifest is optional; or Founder e-paper XML (方正见报XML) with each page's PDF or image beside it (docs/formats.md)." };
        var publication = new Option<string>("--publication") { Description = "Slug of the publication the edition belongs to.", Required = true, HelpName = "slug" };
        var date = new Option<string?>("--date") { Description = "The edition's date (yyyy-MM-dd); read from the folder or zip name when left out.", HelpName = "yyyy-MM-dd" };
        var replace = new Option<bool>("--replace") { Description = "Replace the edition of that date if there is one (readers see the old one until the new one is complete)." };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but errors." };

        var command = new Command("import", "Import one edition's page PDFs, publish it and index it for search.") { source, publication, date, replace, quiet, data };
        command.SetAction((result, cancellationToken) => Failure.GuardAsync(async () =>
        {
            var request = new ImportRequest
            {
                SourcePath = Path.GetFullPath(result.GetRequiredValue(source)),
                PublicationSlug = result.GetRequiredValue(publication),
                Date = ParseDate(result.GetValue(date)),
                Replace = result.GetValue(replace),
            };
            var isQuiet = result.GetValue(quiet);
            SearchCatchUp.StartWarmUp();
            await using var services = await CliServices.OpenAsync(CommonOptions.Folder(result, data), cancellationToken);
            var imported = await ImportProgressView.RunAsync(services.GetRequiredService<ArchiveImporter>().ImportAsync, request, isQuiet, cancellationToken);
            if (!isQuiet)
            {
                Report(imported);
            }

            await SearchCatchUp.RunAsync(services, isQuiet, cancellationToken);
            return 0;
        }));
        return command;
    }

    public static void Report(ImportResult imported)
    {
        Console.WriteLine(
            $"{(imported.Replaced ? "Replaced" : "Published")} {imported.PublicationSlug} {imported.Date:yyyy-MM-dd}: {imported.PageCount} pages, {imported.ArticleCount} articles.");
        foreach (var warning in imported.Warnings)
        {
            Console.WriteLine("  warning: " + warning);
        }
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new ImportException($"--date {text}: not a date of the form yyyy-MM-dd");
    }
}
