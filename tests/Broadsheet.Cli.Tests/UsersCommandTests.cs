namespace Broadsheet.Cli.Tests;

public sealed class UsersCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "broadsheet-cli-users", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task The_first_admin_and_an_editor_are_made_listed_and_given_new_passwords_from_the_command_line()
    {
        var publication = await BroadsheetProcess.RunAsync("publication", "add", "binjiang", "--name", "滨江日报", "--data", _data);
        var admin = await BroadsheetProcess.RunWithInputAsync("a-long-enough-password\n", "users", "add", "chief", "--role", "admin", "--password-stdin", "--data", _data);
        var editor = await BroadsheetProcess.RunWithInputAsync("", "users", "add", "night", "--role", "editor", "--publication", "binjiang", "--data", _data);
        var list = await BroadsheetProcess.RunAsync("users", "list", "--data", _data);
        var reset = await BroadsheetProcess.RunWithInputAsync("another-long-password\n", "users", "password", "night", "--password-stdin", "--data", _data);

        Assert.Equal(0, publication.ExitCode);
        Assert.True(admin.ExitCode == 0, admin.Error);
        Assert.Contains("Created admin 'chief'", admin.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", admin.Output, StringComparison.Ordinal);
        // No terminal and no --password-stdin: a password is made and shown once.
        Assert.True(editor.ExitCode == 0, editor.Error);
        Assert.Matches(@"Password \(shown once\): [A-Za-z0-9_-]{24}", editor.Output);
        Assert.Equal(["chief\tadmin\t", "night\teditor\tbinjiang"], list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(reset.ExitCode == 0, reset.Error);
    }

    [Theory]
    [InlineData("an editor with no publication", "short-but-not-ten\n", new[] { "users", "add", "x", "--role", "editor", "--password-stdin" }, "An editor needs at least one publication")]
    [InlineData("a password under ten characters", "short\n", new[] { "users", "add", "x", "--role", "admin", "--password-stdin" }, "at least 10 characters")]
    [InlineData("a publication that does not exist", "a-long-enough-password\n", new[] { "users", "add", "x", "--publication", "nowhere", "--password-stdin" }, "No publication 'nowhere'")]
    [InlineData("an unknown user", "a-long-enough-password\n", new[] { "users", "password", "ghost", "--password-stdin" }, "No desk user named 'ghost'")]
    public async Task Mistakes_get_one_line_saying_what_is_wrong_and_create_nothing(string mistake, string input, string[] arguments, string message)
    {
        var outcome = await BroadsheetProcess.RunWithInputAsync(input, [.. arguments, "--data", _data]);
        var list = await BroadsheetProcess.RunAsync("users", "list", "--data", _data);

        Assert.True(outcome.ExitCode == 1, $"{mistake}: exit {outcome.ExitCode}");
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.Trim().Split('\n'));
        Assert.Equal("", list.Output.Trim());
    }
}
