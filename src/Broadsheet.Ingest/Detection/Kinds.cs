using System.Text.RegularExpressions;
using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Detection;

/// <summary>What kind of item an article is, from what its headline says; photo news is recognised by layout instead.</summary>
internal static partial class Kinds
{
    public static ArticleKind OfHeadline(string headline) =>
        Notice().IsMatch(headline ?? "") ? ArticleKind.Notice
        : Briefs().IsMatch(headline ?? "") ? ArticleKind.Briefs
        : ArticleKind.Story;

    /// <summary>
    /// The kind from the whole title: a column of notices is often headed by a place label ("5/8中缝", a page's
    /// fold) with the column's name ("公告专栏") as its kicker or deck, and the name says what the items are.
    /// </summary>
    public static ArticleKind OfTitle(string headline, string? kicker, string? subheadline) =>
        OfHeadline(headline) is var kind && kind != ArticleKind.Story ? kind
        : NoticeColumn().IsMatch(kicker ?? "") || NoticeColumn().IsMatch(subheadline ?? "") ? ArticleKind.Notice
        : kind;

    /// <summary>
    /// "遗失声明", "招聘启事", "拍卖公告", "Public Notice", "Legal Notices": a notice's headline is what it is. A headline
    /// that only mentions one ("市政府发布公告称…") is news, so the word must end the headline or be all of it.
    /// </summary>
    [GeneratedRegex(@"(?:公告|通告|启事|声明|公示|讣告|更正|寻人|招聘|招标|拍卖)(?:专栏|栏|版)?\s*$|^\s*(?:遗失声明|注销公告|减资公告|清算公告)|^\s*(?:PUBLIC|LEGAL|OFFICIAL)\s+NOTICES?\b|^\s*(?:Public|Legal|Official)\s+[Nn]otices?\b|^\s*NOTICE\b|^\s*(?:Tenders?|Auctions?|Obituar(?:y|ies)|In Memoriam)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Notice();

    /// <summary>A kicker or deck that names a column of notices: "公告专栏", "法院公告", "分类广告", "Legal Notices".</summary>
    [GeneratedRegex(@"^\s*(?:\S{0,4}(?:公告|启事|声明)(?:专栏|栏|版)?|分类广告|(?:Public|Legal|Official)\s+Notices?)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NoticeColumn();

    /// <summary>"本地简讯", "新闻快讯", "In Brief": a column of short items under one standing head.</summary>
    [GeneratedRegex(@"简讯|快讯|短讯|简报|速览|速递|一句话新闻|^\s*(News\s+)?(in\s+)?briefs?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Briefs();
}
