namespace Broadsheet.Samples.Cli;

/// <summary>Bad arguments and unwritable folders as one line on stderr and exit code 1, as `broadsheet` words them.</summary>
internal static class Failure
{
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine("broadsheet-samples: " + e.Message.ReplaceLineEndings(" ").Trim());
            return 1;
        }
    }
}
