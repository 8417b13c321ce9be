using Broadsheet.Core.Model;
using Broadsheet.Ingest;

namespace Broadsheet.Cli.Commands;

/// <summary>A refusal worded for the command line: what to type to get past it.</summary>
internal static class ProblemText
{
    /// <summary>The problem <paramref name="error"/> carries, worded here; null when it carries none.</summary>
    public static string? Of(Exception error)
    {
        var problem = (error as ImportException)?.Problem ?? (error as DomainException)?.Problem;
        return problem is null ? null : For(problem);
    }

    public static string For(Problem problem) => problem switch
    {
        EditionExists e => e.Describe() + "; use --replace to replace it",
        _ => problem.Code,
    };
}
