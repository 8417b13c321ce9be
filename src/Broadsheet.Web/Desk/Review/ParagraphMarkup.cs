using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Review;

/// <summary>
/// How the article page's text box shows a paragraph's kind, so an editor sees it, can change it, and a save keeps it:
/// "[小标题] …", "[图片说明] …", "[署名] …" at a paragraph's start, and a brief's run-in title between "**" ("**暖心驿站**　正文…").
/// </summary>
internal static class ParagraphMarkup
{
    private const string Bold = "**";

    private static readonly (ParagraphKind Kind, string Tag)[] Tags =
    [
        (ParagraphKind.Subhead, "[小标题]"),
        (ParagraphKind.Caption, "[图片说明]"),
        (ParagraphKind.Credit, "[署名]"),
    ];

    /// <summary>The help line the text box shows under it.</summary>
    public const string Help = "段与段之间空一行。小标题写成“[小标题] 文字”，图片说明“[图片说明] 文字”，署名“[署名] 文字”，加粗的简讯标题写成“**标题**　正文”。";

    public static string Write(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (Tags.FirstOrDefault(t => t.Kind == paragraph.Kind) is { Tag: { } tag })
        {
            return tag + " " + paragraph.Text;
        }

        return paragraph.LeadText is { } lead ? Bold + lead + Bold + paragraph.Text[lead.Length..] : paragraph.Text;
    }

    /// <summary>The paragraph a block of the text box means; <paramref name="clean"/> sanitises its text (null drops it).</summary>
    public static Paragraph? Read(string block, Func<string?, string?> clean)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(clean);
        var text = block.Trim();
        foreach (var (kind, tag) in Tags)
        {
            if (text.StartsWith(tag, StringComparison.Ordinal))
            {
                return clean(text[tag.Length..]) is { } tagged ? new Paragraph(tagged, kind) : null;
            }
        }

        var close = text.StartsWith(Bold, StringComparison.Ordinal) ? text.IndexOf(Bold, Bold.Length, StringComparison.Ordinal) : -1;
        if (close > Bold.Length && clean(text[Bold.Length..close]) is { } lead && clean(lead + text[(close + Bold.Length)..]) is { } whole)
        {
            return new Paragraph(whole, ParagraphKind.Body, whole.StartsWith(lead, StringComparison.Ordinal) ? lead.Length : 0);
        }

        return clean(text) is { } plain ? new Paragraph(plain) : null;
    }
}
