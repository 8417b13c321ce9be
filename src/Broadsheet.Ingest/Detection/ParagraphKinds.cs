using System.Text.RegularExpressions;
using Broadsheet.Core.Model;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Gives detected paragraphs their place in the printed hierarchy: the sub-heads <see cref="Paragraphs"/> found, and
/// a brief's run-in title ("暖心驿站　正文…", "【标题】正文…"), which the reader prints bold.
/// </summary>
internal static partial class ParagraphKinds
{
    /// <summary>A run-in title is at most this many characters.</summary>
    private const int LeadLength = 20;

    public static IReadOnlyList<Paragraph> Of(IReadOnlyList<string> paragraphs, IReadOnlyList<string> subheads, ArticleKind kind)
    {
        var heads = subheads.ToHashSet(StringComparer.Ordinal);
        return [.. paragraphs.Select(p => heads.Contains(p) ? new Paragraph(p, ParagraphKind.Subhead) : new Paragraph(p, ParagraphKind.Body, Lead(p, kind)))];
    }

    /// <summary>
    /// How many first characters of <paramref name="paragraph"/> are a run-in title: a bracketed one ("【…】") in any
    /// article, and in briefs the short phrase before an ideographic space, as briefs columns set their items' titles.
    /// </summary>
    public static int Lead(string paragraph, ArticleKind kind)
    {
        if (Bracketed().Match(paragraph) is { Success: true } bracket)
        {
            return bracket.Length;
        }

        if (kind != ArticleKind.Briefs)
        {
            return 0;
        }

        var space = paragraph.IndexOf('\u3000', StringComparison.Ordinal);
        return space >= 2 && space <= LeadLength && !Sentence().IsMatch(paragraph[..space]) ? space : 0;
    }

    [GeneratedRegex(@"^【[^】]{1,20}】")]
    private static partial Regex Bracketed();

    /// <summary>Sentence punctuation: text before a space with these in it is a sentence, not a title.</summary>
    [GeneratedRegex(@"[。！？；，,.!?;]")]
    private static partial Regex Sentence();
}
