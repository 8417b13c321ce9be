using System.Text.RegularExpressions;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// The jump lines of an article printed on two pages: "（下转第3版）" at the end of the first part,
/// "（上接第1版）" at the start of the second.
/// </summary>
internal static partial class Continuations
{
    /// <summary>The label of the page the text continues on, when <paramref name="text"/> holds a jump line.</summary>
    public static string? To(string text) => Label(ToPattern().Match(text ?? ""));

    public static string? From(string text) => Label(FromPattern().Match(text ?? ""));

    /// <summary><paramref name="text"/> without its jump lines.</summary>
    public static string Strip(string text) =>
        FromPattern().Replace(ToPattern().Replace(text ?? "", ""), "").Trim();

    private static string? Label(Match m) => m.Success ? m.Groups["label"].Value.ToUpperInvariant() : null;

    /// <summary>
    /// "（下转第3版）", "Continued on Page A18", and the pointers of front-page teasers to the story's page ("PAGE A22",
    /// "● a pagina 8", "alle pagine 20 e 21", "da pagina 2 a 7", "Suite page 4", "Fortsetzung Seite 3"): the first page
    /// named is where the text goes on.
    /// </summary>
    [GeneratedRegex(@"[（(]\s*(?:下转|转)\s*第?\s*(?<label>[A-Za-z]?\d{1,3})\s*版\s*[）)]|(?:下转|转)第\s*(?<label>[A-Za-z]?\d{1,3})\s*版"
        + @"|(?:Continued|Cont(?:inued)?\.?)\s+on\s+(?:Page|P\.|p\.)\s*(?<label>[A-Z]?\d{1,3})\b|\bPAGES?\s+(?<label>[A-Z]?\d{1,3})(?:[-–]\d{1,3})?\s*$"
        + @"|[●•▲►■◆]?\s*(?:(?:da|alle?)\s+pagin[ae]|a\s+pagina)\s+(?<label>\d{1,3})(?:\s*(?:e|a|-)\s*\d{1,3})?\s*$"
        + @"|\b(?:[Ss]uite|[Ll]ire la suite)\s+(?:en\s+)?page\s+(?<label>\d{1,3})\b|\bFortsetzung\s+(?:auf\s+)?Seite\s+(?<label>\d{1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ToPattern();

    [GeneratedRegex(@"[（(]\s*(?:上接|接)\s*第?\s*(?<label>[A-Za-z]?\d{1,3})\s*版\s*[）)]|(?:上接|接)第\s*(?<label>[A-Za-z]?\d{1,3})\s*版"
        + @"|Continued\s+[Ff]rom\s+(?:Page|P\.)\s*(?<label>[A-Z]?\d{1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex FromPattern();
}
