using System.Globalization;

namespace Broadsheet.Core.Model;

/// <summary>
/// What went wrong, as a code and its facts rather than a sentence: the command line and the desk word the same
/// problem for their own audience (a flag to add, a box to tick) and in their own language. An exception that
/// carries one still has a plain message, for logs and for anyone who does not know the code.
/// </summary>
/// <param name="Code">Stable and short (<c>edition-exists</c>); callers switch on the record's type, logs show the code.</param>
public abstract record Problem(string Code);

/// <summary>An edition of that publication, date and number is already there, and the request did not ask to replace it.</summary>
/// <param name="Publication">The publication's slug.</param>
/// <param name="Date">The edition's date.</param>
/// <param name="Number">The edition's number that day (1 for the only one).</param>
public sealed record EditionExists(string Publication, DateOnly Date, int Number) : Problem("edition-exists")
{
    /// <summary>The neutral wording, for logs and callers that do not word problems themselves.</summary>
    public string Describe() => Number == 1
        ? string.Create(CultureInfo.InvariantCulture, $"the edition of {Date:yyyy-MM-dd} of {Publication} already exists")
        : string.Create(CultureInfo.InvariantCulture, $"edition {Number} of {Date:yyyy-MM-dd} of {Publication} already exists");
}
