using System.Text.RegularExpressions;

namespace Broadsheet.Ingest.Detection;

/// <summary>What <see cref="Bylines.Lift"/> took off the front of an article's body.</summary>
internal sealed record LiftedByline(string? Dateline, string? Byline, IReadOnlyList<string> Paragraphs);

/// <summary>
/// Lifts the dateline and byline out of an article's first paragraph, where papers print them:
/// "本报讯（记者 张三 通讯员 李四）…" (a dateline with the writers in brackets), "本报讯 …" (a dateline
/// alone), "■通讯员 王五" or "□本报评论员" on a line of its own, "By Jane Smith", "GENEVA — …".
/// </summary>
internal static partial class Bylines
{
    /// <summary>A byline line of its own is short; a longer one is body text that happens to start with a mark.</summary>
    private const int MaxOwnLine = 40;

    /// <summary>Latin names take more characters: "di Elena Dusi, Giovanni Egidio e Alessandro Puglia".</summary>
    private const int MaxOwnLatinLine = 90;

    /// <summary>Whether a line is how stories open: a dateline, a byline mark, "By …".</summary>
    public static bool StartsStory(string line)
    {
        var text = (line ?? "").Trim();
        return Bracketed().IsMatch(text) || Bare().IsMatch(text) || Marked().IsMatch(text) || English().IsMatch(text)
            || (text.Length <= MaxOwnLine && Role().IsMatch(text))
            || OpenBracket().IsMatch(text) || Source().IsMatch(text);
    }

    public static LiftedByline Lift(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        if (paragraphs.Count == 0)
        {
            return new(null, null, paragraphs);
        }

        var first = paragraphs[0].Trim();
        var rest = paragraphs.Skip(1).ToList();

        if (ArticleIsBy().Match(first) is { Success: true } isBy)
        {
            return new(null, Tidy(isBy.Groups["who"].Value), rest);
        }

        if (OwnLine(first) is { } own)
        {
            // Names that did not fit on the byline's line follow on the next ("By DAVID E. SANGER" / "and ERIC SCHMITT").
            while (rest.Count > 0 && rest[0].Length <= MaxOwnLine && English().IsMatch(first) && MoreNames().IsMatch(rest[0].Trim()))
            {
                own = Tidy(own + " " + rest[0].Trim());
                rest.RemoveAt(0);
            }

            // The byline's own line; the dateline, if any, opens the next paragraph.
            var next = rest.Count > 0 ? Lift(rest) : new LiftedByline(null, null, rest);
            return new(next.Dateline, own, next.Byline is null ? next.Paragraphs : rest);
        }

        var bracketed = Bracketed().Match(first);
        if (bracketed.Success)
        {
            return new(bracketed.Groups["dateline"].Value.Trim(), Tidy(bracketed.Groups["who"].Value), Remainder(first, bracketed.Length, rest));
        }

        var bare = Bare().Match(first);
        if (bare.Success)
        {
            return new(bare.Groups["dateline"].Value.Trim(), null, Remainder(first, bare.Length, rest));
        }

        return new(null, null, paragraphs);
    }

    /// <summary>
    /// Lifts a byline printed at the end of a story, as Italian and other papers set it ("di Massimo Pisa"), or under
    /// a letter; names that did not fit on its line follow on the next one.
    /// </summary>
    public static LiftedByline LiftEnd(LiftedByline lifted)
    {
        ArgumentNullException.ThrowIfNull(lifted);
        var paragraphs = lifted.Paragraphs.ToList();
        if (lifted.Byline is not null || paragraphs.Count < 2)
        {
            return lifted;
        }

        for (var start = Math.Max(1, paragraphs.Count - 2); start < paragraphs.Count; start++)
        {
            var candidate = paragraphs[start].Trim();
            var more = paragraphs.Skip(start + 1).Select(p => p.Trim()).ToList();
            if (candidate.Length <= MaxOwnLine && English().IsMatch(candidate) && more.All(p => p.Length <= MaxOwnLine && MoreNames().IsMatch(p)))
            {
                var who = string.Join(" ", [candidate, .. more]);
                return lifted with { Byline = Tidy(who), Paragraphs = paragraphs[..start] };
            }
        }

        return lifted;
    }

    /// <summary>Whether a line is a byline set on its own ("■通讯员 王五", "By Jane Smith").</summary>
    public static bool IsOwnLine(string line) => OwnLine((line ?? "").Trim()) is not null;

    private static string? OwnLine(string first)
    {
        if (first.Length > MaxOwnLatinLine || (first.Length > MaxOwnLine && first.EnumerateRunes().Any(r => Text.Script.IsCjk(r.Value))))
        {
            return null;
        }

        var marked = Marked().Match(first);
        if (marked.Success)
        {
            return Tidy(marked.Groups["who"].Value);
        }

        if (Role().IsMatch(first))
        {
            // "本报记者 张三 报道": the byline is who reported, not the verb.
            return Tidy(Reported().Replace(first, ""));
        }

        // "By", "di", "von" stay: a byline reads as printed, only typographic markers (■, ●) are dropped.
        return English().IsMatch(first) ? Tidy(first) : null;
    }

    private static IReadOnlyList<string> Remainder(string first, int cut, List<string> rest)
    {
        var body = first[cut..].TrimStart(' ', '\u3000');
        return body.Length > 0 ? [body, .. rest] : rest;
    }

    /// <summary>
    /// Collapses the spacing between names to single spaces, as the name list is printed. A space that fell
    /// at a line break leaves no trace in the PDF; next to a role word ("记者", "通讯员") it is put back.
    /// </summary>
    public static string Tidy(string who)
    {
        var spaced = AfterRole().Replace(BeforeRole().Replace(who.Trim(), " "), "$0 ");
        var words = Whitespace().Replace(spaced, " ").Trim().Split(' ');
        return string.Join(" ", words.Select(ChineseNames.SplitRunTogether));
    }

    /// <summary>"本报讯（记者 张三）", "新华社北京11月2日电（记者 李四）": a source ending in 讯 or 电, then the writers in brackets.</summary>
    [GeneratedRegex(@"^(?<dateline>[^（(。，\s]{1,24}[讯电])\s*[（(](?<who>[^）)]{1,80})[）)]", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    /// <summary>"本报讯 …", "新华社北京11月1日电 …", "GENEVA — …": a dateline and a space or dash, no names.</summary>
    [GeneratedRegex(@"^(?:(?<dateline>(?:本报|新华社|中新社|中新网|人民日报|央视)[^（(。，\s]{0,20}[讯电])[\s\u3000]+|(?<dateline>[A-Z][A-Z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,4})\s+[—–]{1,2}\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex Bare();

    /// <summary>"■通讯员 王五", "□本报评论员", "●本报记者 张三 文/图": a square or bullet, then who wrote it.</summary>
    [GeneratedRegex(@"^[■□●○◆◇▲△★☆▇]\s*(?<who>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Marked();

    /// <summary>
    /// "本报记者 张三 通讯员 李四" on a line of its own, or with the paper's or agency's name before the role
    /// ("新甘肃·甘肃法治报记者 齐洪德", "新华社记者 王五").
    /// </summary>
    [GeneratedRegex(@"^(?:[\p{IsCJKUnifiedIdeographs}·・]{1,14}?(?:报|社|台|网|刊|中心|频道))?(本报|特约|见习|实习|首席)?(记者|通讯员|评论员|实习生)\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex Role();

    /// <summary>A dateline the line break cut before its end: "新华社北京11月1日" / "电（记者 …）".</summary>
    [GeneratedRegex(@"^(?:本报讯|本报\S{1,12}讯|新华社|中新社|中新网|人民日报|央视)", RegexOptions.CultureInvariant)]
    private static partial Regex Source();

    /// <summary>A dateline whose bracket the line break cut: "本报讯（记者 张三 通".</summary>
    [GeneratedRegex(@"^[^（(。，\s]{1,24}[讯电]\s*[（(]", RegexOptions.CultureInvariant)]
    private static partial Regex OpenBracket();

    /// <summary>
    /// "By Jane Smith", and the same in the languages papers print it in: "di Michele Ainis", "von …", "par …", "por …".
    /// What follows must read as names (capitalised words, initials, particles, "and"/"e"/"und"), so that a lede such as
    /// "By Monday the river had risen" or "Di Maio non ha risposto." stays the story's text.
    /// </summary>
    [GeneratedRegex(@"^(?:By|BY|by|Di|di|DI|Von|von|Par|par|Por|por|Door|door)\s+(?<who>\p{Lu}[\p{L}.'’-]*(?:(?:\s*,\s*|\s+)(?:(?:and|AND|e|und|et|y|&|de|van|der|von|da|del|della|di|du|la|le|bin|al)\s+)*\p{Lu}[\p{L}.'’-]*)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex English();

    /// <summary>"This article is by Sheryl Gay Stolberg, Noah Weiland and Andrew Jacobs." opening a story.</summary>
    [GeneratedRegex(@"^This (?:article|story|report) (?:is|was) (?:by|written by|reported by)\s+(?<who>[^.]+?)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleIsBy();

    /// <summary>More names under a byline line: "and ERIC SCHMITT", "e Vecchio", "Scaramuzzi e Vecchio".</summary>
    [GeneratedRegex(@"^(?:(?:and|e|und|et|y|&)\s+)?\p{Lu}[\p{L}.'’-]*(?:[ ,]+(?:(?:and|e|und|et|y|&)\s+)?\p{Lu}[\p{L}.'’-]*){0,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex MoreNames();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    /// <summary>The "报道" (reports) that may close a byline line.</summary>
    [GeneratedRegex(@"\s*(?:摄影)?报道\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Reported();

    /// <summary>
    /// Where a role starts right after a name: "张三通讯员" (but not inside "本报记者", "见习记者", "特约记者", nor after
    /// an agency or outlet: "新华社记者", "央视网记者", "电视台记者").
    /// </summary>
    [GeneratedRegex(@"(?<=[^\s本报约习社网台刊（(])(?=(?:本报|特约|见习)?(?:记者|通讯员|实习生))", RegexOptions.CultureInvariant)]
    private static partial Regex BeforeRole();

    /// <summary>A role followed straight by a name: "记者张三".</summary>
    [GeneratedRegex(@"(?:记者|通讯员|实习生)(?=[^\s）)])", RegexOptions.CultureInvariant)]
    private static partial Regex AfterRole();
}
