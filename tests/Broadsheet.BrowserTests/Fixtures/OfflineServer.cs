namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// A server of its own for the offline test, which stops it halfway (the reader's network gone): one generated
/// four-page edition imported as `broadsheet import` does it (<see cref="DataTemplate.CopyOneEditionAsync"/>).
/// </summary>
public sealed class OfflineServer : BrowserServer
{
    protected override Task BeforeStartAsync() => DataTemplate.CopyOneEditionAsync(DataPath);
}
