using System.Text.RegularExpressions;
using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Detection;

/// <summary>What kind of item an article is, from what its headline says; photo news is recognised by layout instead.</summary>
internal static partial class Kinds
{
    public static ArticleKind OfHeadline(string headline) =>
        Briefs().IsMatch(headline ?? "") ? ArticleKind.Briefs : ArticleKind.Story;

    /// <summary>"本地简讯", "新闻快讯", "In Brief": a column of short items under one standing head.</summary>
    [GeneratedRegex(@"简讯|快讯|短讯|简报|速览|速递|一句话新闻|^\s*(News\s+)?(in\s+)?briefs?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Briefs();
}
