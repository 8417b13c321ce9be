using Broadsheet.Search.Analysis;

namespace Broadsheet.Search.Querying;

/// <summary>
/// Parses what a reader types into a <see cref="UserQuery"/>. Words are ANDed; OR binds tighter than AND
/// (<c>火灾 OR 火情 贵阳</c> is "(火灾 or 火情) and 贵阳", as web search engines read it); NOT and a leading
/// minus exclude the next term. Nothing here throws: operators without operands, unbalanced quotes and empty
/// field prefixes fall back to being searched as plain words.
/// </summary>
internal static class UserQueryParser
{
    private const string QuoteChars = "\"“”「」『』";

    // Far beyond what anyone types, well below Lucene's limit of 1024 clauses per boolean query: a pasted
    // page of text is searched by its beginning instead of failing.
    internal const int MaxLength = 500;
    internal const int MaxGroups = 24;
    internal const int MaxAlternatives = 12;

    public static UserQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new UserQuery([]);
        }

        var items = Lex(WidthFolding.Fold(text.Length > MaxLength ? text[..MaxLength] : text));
        if (!items.Any(i => i.Kind is ItemKind.Word or ItemKind.Phrase))
        {
            // Only operators ("AND OR", "NOT"): the reader is looking for those words.
            items = [.. items.Select(i => i with { Kind = ItemKind.Word })];
        }

        return new UserQuery(Group(items));
    }

    private static List<TermGroup> Group(List<Item> items)
    {
        var groups = new List<(List<UserTerm> Terms, bool Excluded)>();
        var pendingNot = false;
        var pendingOr = false;
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case ItemKind.Not:
                    pendingNot = true;
                    break;
                case ItemKind.Or:
                    pendingOr = groups.Count > 0 && !groups[^1].Excluded;
                    break;
                case ItemKind.And:
                    pendingOr = false;
                    break;
                default:
                    var term = new UserTerm(item.Text, item.Kind == ItemKind.Phrase, item.Scope);
                    var excluded = pendingNot || item.Negated;
                    if (pendingOr && !excluded)
                    {
                        groups[^1].Terms.Add(term);
                    }
                    else
                    {
                        groups.Add(([term], excluded));
                    }

                    pendingNot = false;
                    pendingOr = false;
                    break;
            }
        }

        return [.. groups.Take(MaxGroups).Select(g => new TermGroup([.. g.Terms.Take(MaxAlternatives)], g.Excluded))];
    }

    private static List<Item> Lex(string text)
    {
        var items = new List<Item>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (text[i] is '-' or '+' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = text[i] == '-';
                i++;
            }

            var scope = TermScope.Anywhere;
            if (TryReadScope(text, i, out var prefixScope, out var prefix, out var afterColon))
            {
                if (afterColon >= text.Length || char.IsWhiteSpace(text[afterColon]))
                {
                    // "title:" with nothing after it: search for the word itself.
                    items.Add(new Item(ItemKind.Word, prefix, TermScope.Anywhere, negated));
                    i = afterColon;
                    continue;
                }

                scope = prefixScope;
                i = afterColon;
            }

            if (IsQuote(text[i]))
            {
                var close = text.AsSpan(i + 1).IndexOfAny(QuoteChars);
                if (close >= 0)
                {
                    var phrase = text.Substring(i + 1, close).Trim();
                    if (phrase.Length > 0)
                    {
                        items.Add(new Item(ItemKind.Phrase, phrase, scope, negated));
                    }

                    i += close + 2;
                    continue;
                }

                // An unbalanced quote is dropped and what follows read as words.
                i++;
                if (i >= text.Length)
                {
                    break;
                }
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                continue;
            }

            var word = text[start..i];
            var kind = !negated && scope == TermScope.Anywhere && start == TokenStart(text, start) ? OperatorKind(word) : ItemKind.Word;
            items.Add(new Item(kind, word, scope, negated));
        }

        return items;
    }

    // An operator is only recognised when nothing (sign, prefix) was glued to its front.
    private static int TokenStart(string text, int position)
    {
        var p = position;
        while (p > 0 && !char.IsWhiteSpace(text[p - 1]))
        {
            p--;
        }

        return p;
    }

    private static ItemKind OperatorKind(string word) => word switch
    {
        "AND" or "&&" => ItemKind.And,
        "OR" or "||" => ItemKind.Or,
        "NOT" => ItemKind.Not,
        _ => ItemKind.Word,
    };

    private static bool TryReadScope(string text, int start, out TermScope scope, out string prefix, out int afterColon)
    {
        scope = TermScope.Anywhere;
        prefix = "";
        afterColon = start;
        var colon = text.IndexOf(':', start);
        if (colon <= start)
        {
            return false;
        }

        prefix = text[start..colon];
        TermScope? known = prefix.ToLowerInvariant() switch
        {
            "title" or "headline" or "标题" => TermScope.Title,
            "author" or "byline" or "作者" => TermScope.Author,
            _ => null,
        };
        if (known is null)
        {
            return false;
        }

        scope = known.Value;
        afterColon = colon + 1;
        return true;
    }

    private static bool IsQuote(char c) => QuoteChars.Contains(c, StringComparison.Ordinal);

    private enum ItemKind
    {
        Word,
        Phrase,
        And,
        Or,
        Not,
    }

    private readonly record struct Item(ItemKind Kind, string Text, TermScope Scope, bool Negated);
}
