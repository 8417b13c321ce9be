namespace Broadsheet.Ingest;

/// <summary>
/// An import could not go ahead. The message is one line that names the file (or package) and says
/// what is wrong with it, fit to print as is on the command line or in the admin.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException(string message)
        : base(OneLine(message))
    {
    }

    public ImportException(string message, Exception inner)
        : base(OneLine(message), inner)
    {
    }

    public ImportException()
    {
    }

    /// <summary>A refusal the command line and the desk each word for their own audience (see <see cref="Core.Model.Problem"/>).</summary>
    public ImportException(Core.Model.Problem problem, string message)
        : base(OneLine(message))
    {
        Problem = problem;
    }

    /// <summary>The problem as a code and its facts, when the refusal has one; null for the rest.</summary>
    public Core.Model.Problem? Problem { get; }

    /// <summary>Messages quoted from libraries may span lines; ours never do.</summary>
    internal static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var flat = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= 300 ? flat : string.Concat(flat.AsSpan(0, 297), "...");
    }
}
