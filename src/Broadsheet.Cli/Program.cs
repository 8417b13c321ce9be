using System.CommandLine;
using Broadsheet.Cli.Commands;

var root = new RootCommand("Broadsheet: a newspaper's printed pages as a digital edition on the web.")
{
    DbCommand.Create(),
    DemoCommand.Create(),
    ExportCommand.Create(),
    ImportCommand.Create(),
    ImportBatchCommand.Create(),
    MigrateSiteCommand.Create(),
    ReindexCommand.Create(),
    ServeCommand.Create(),
    PublicationCommand.Create(),
    UsersCommand.Create(),
};
root.Options.Add(CommonOptions.Database);

return await root.Parse(args).InvokeAsync();
