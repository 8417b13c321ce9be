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
