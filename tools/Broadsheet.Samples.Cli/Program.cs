using System.CommandLine;
using Broadsheet.Samples.Cli;

var root = new RootCommand("broadsheet-samples: generated editions to try Broadsheet on (the demo, the benches, the tests).")
{
    SampleCommand.Create(),
    DemoWeekCommand.Create(TimeProvider.System),
};

return await root.Parse(args).InvokeAsync();
