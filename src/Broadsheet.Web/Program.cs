using Broadsheet.Web;

BroadsheetWebHost.Create(args).Run();

public partial class Program;
