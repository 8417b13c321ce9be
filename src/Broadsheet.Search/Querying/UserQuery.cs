namespace Broadsheet.Search.Querying;

/// <summary>Which fields a term is looked for in.</summary>
internal enum TermScope
{
    /// <summary>Headline, body and byline, the headline weighing most.</summary>
    Anywhere = 0,

    /// <summary><c>title:</c> headline, kicker and subheadline.</summary>
    Title = 1,

    /// <summary><c>author:</c> byline and photo credits.</summary>
    Author = 2,
}

/// <summary>A word (or unspaced run of characters) or a quoted phrase, as typed.</summary>
internal sealed record UserTerm(string Text, bool IsPhrase, TermScope Scope);

/// <summary>Terms joined by OR; the query requires (or, when excluded, forbids) at least one of them.</summary>
internal sealed record TermGroup(IReadOnlyList<UserTerm> Alternatives, bool Excluded);

/// <summary>A parsed search: every included group must match and no excluded group may.</summary>
internal sealed record UserQuery(IReadOnlyList<TermGroup> Groups)
{
    public bool IsEmpty => Groups.Count == 0;
}
