using System.CommandLine;
using Broadsheet.Cli.Commands;
using Broadsheet.Web.Hosting;

// Imports and batches grow glibc's per-thread arenas as the server does (bench/HISTORY.md, "Library batches").
NativeHeap.CapArenas();
NativeHeap.MapLargeBlocks();
NativeHeap.KeepTrimming();

var root = new RootCommand("Broadsheet: a newspaper's printed pages as a digital edition on the web.")
{
    BackupCommand.Create(),
    DbCommand.Create(),
    DemoCommand.Create(),
    ExportCommand.Create(),
    ImportCommand.Create(),
    ImportBatchCommand.Create(),
    MigrateSiteCommand.Create(),
    ReindexCommand.Create(),
    BackupCommand.CreateRestore(),
    ServeCommand.Create(),
    PublicationCommand.Create(),
    UsersCommand.Create(),
};
root.Options.Add(CommonOptions.Database);

return await root.Parse(args).InvokeAsync();
