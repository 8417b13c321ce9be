using Broadsheet.Core;
using Broadsheet.Data;
using Broadsheet.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// The real application on a loopback port with a generated four-page edition imported as `broadsheet import`
/// does it (<see cref="DataTemplate.CopyOneEditionAsync"/>) and a desk editor of its paper, made as
/// `broadsheet users add` makes one; and a headless Chromium.
/// </summary>
public sealed class DeskLiveServer : BrowserServer
{
    public const string Editor = "xiaowang";
    public const string Password = "correct horse battery";

    protected override async Task BeforeStartAsync()
    {
        await DataTemplate.CopyOneEditionAsync(DataPath);
        var accounts = new ServiceCollection().AddBroadsheetData(new DataFolder(DataPath));
        accounts.AddDeskAccounts();
        await using var services = accounts.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeskAccounts>().AddAsync(Editor, Password, DeskRoles.Editor, ["binjiang"]);
    }
}
