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

    [GeneratedRegex(@"[（(]\s*(?:下转|转)\s*第?\s*(?<label>[A-Za-z]?\d{1,3})\s*版\s*[）)]|(?:下转|转)第\s*(?<label>[A-Za-z]?\d{1,3})\s*版", RegexOptions.CultureInvariant)]
    private static partial Regex ToPattern();

    [GeneratedRegex(@"[（(]\s*(?:上接|接)\s*第?\s*(?<label>[A-Za-z]?\d{1,3})\s*版\s*[）)]|(?:上接|接)第\s*(?<label>[A-Za-z]?\d{1,3})\s*版", RegexOptions.CultureInvariant)]
    private static partial Regex FromPattern();
}
