using Broadsheet.Core.Model;
using Broadsheet.Ingest;

namespace Broadsheet.Cli.Commands;

/// <summary>Turns the failures a user can act on into one line on stderr and exit code 1.</summary>
internal static class Failure
{
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is ImportException or DomainException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync("broadsheet: " + OneLine(ProblemText.Of(e) ?? e.Message));
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("broadsheet: cancelled; nothing was changed.");
            return 130;
        }
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
