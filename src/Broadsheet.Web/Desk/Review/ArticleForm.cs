using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Review;

/// <summary>The article page's form, as typed: every value is sanitised by <see cref="Read"/> before it reaches the model.</summary>
internal sealed partial class ArticleForm
{
    private const int FieldLength = 500;
    private const int NoteLength = 4000;

    public string? Kicker { get; set; }

    public string? Headline { get; set; }

    public string? Subheadline { get; set; }

    public string? Byline { get; set; }

    public ArticleKind Kind { get; set; }

    /// <summary>The body, a blank line between paragraphs, each paragraph's kind marked as <see cref="ParagraphMarkup"/> writes it.</summary>
    public string? Body { get; set; }

    public List<int> ImageIds { get; set; } = [];

    public List<string?> Captions { get; set; } = [];

    public List<string?> Credits { get; set; } = [];

    public string? CorrectionNote { get; set; }

    /// <summary>在读者页面显示更正: without it the note is not kept, as the model keeps only a public note.</summary>
    public bool ShowCorrection { get; set; }

    /// <summary>
    /// The <see cref="Fingerprint"/> of the article when this form was filled in: a save whose article has changed
    /// since is refused rather than silently undoing another editor's work.
    /// </summary>
    public string? Loaded { get; set; }

    /// <summary>
    /// What the form shows of the article (fields, captions, credits, correction note), hashed. Regions are left out:
    /// redrawing one on the review page does not conflict with editing the text here.
    /// </summary>
    public static string Fingerprint(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Of(article).Loaded!;
    }

    private string Hash()
    {
        var text = string.Join('\u001f', [
            Kicker, Headline, Subheadline, Byline, Kind.ToString(), Body, CorrectionNote,
            .. ImageIds.Select(id => id.ToString(CultureInfo.InvariantCulture)), .. Captions, .. Credits]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }

    public static ArticleForm Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var images = article.Images.OrderBy(i => i.Id).ToList();
        var form = new ArticleForm
        {
            Kicker = article.Kicker,
            Headline = article.Headline,
            Subheadline = article.Subheadline,
            Byline = article.Byline,
            Kind = article.Kind,
            Body = string.Join("\n\n", article.Body.Select(ParagraphMarkup.Write)),
            ImageIds = [.. images.Select(i => i.Id)],
            Captions = [.. images.Select(i => i.Caption)],
            Credits = [.. images.Select(i => i.Credit)],
            CorrectionNote = article.CorrectionNote,
            ShowCorrection = article.CorrectionNote is not null,
        };
        form.Loaded = form.Hash();
        return form;
    }

    /// <summary>The sanitised values, or a message saying what to fix.</summary>
    public (ArticleEdit? Edit, string? Error) Read(DeskSanitizer sanitizer)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        var headline = sanitizer.Text(Headline);
        if (headline is null)
        {
            return (null, "主题（标题）不能为空。");
        }

        if (!Enum.IsDefined(Kind))
        {
            return (null, "没有这种文章类型。");
        }

        var kicker = sanitizer.Text(Kicker);
        var subheadline = sanitizer.Text(Subheadline);
        var byline = sanitizer.Text(Byline);
        if (new[] { headline, kicker, subheadline, byline }.Any(f => f?.Length > FieldLength))
        {
            return (null, $"引题、主题、副题和作者每项最多 {FieldLength} 字。");
        }

        var paragraphs = BlankLine().Split(Body ?? "")
            .Select(block => ParagraphMarkup.Read(block, sanitizer.Text))
            .OfType<Paragraph>()
            .ToList();
        var note = ShowCorrection ? sanitizer.RichText(CorrectionNote) : null;
        if (note?.Length > NoteLength)
        {
            return (null, $"更正说明最多 {NoteLength} 字。");
        }

        var captions = new Dictionary<int, (string? Caption, string? Credit)>();
        for (var i = 0; i < ImageIds.Count; i++)
        {
            captions[ImageIds[i]] = (sanitizer.Text(Captions.ElementAtOrDefault(i)), sanitizer.Text(Credits.ElementAtOrDefault(i)));
        }

        var content = new ArticleContent
        {
            Kicker = kicker,
            Headline = headline,
            Subheadline = subheadline,
            Byline = byline,
            Kind = Kind,
            Paragraphs = paragraphs,
        };
        return (new ArticleEdit(content, captions, note, NoteDropped: !ShowCorrection && !string.IsNullOrWhiteSpace(CorrectionNote)), null);
    }

    [GeneratedRegex(@"\r?\n[ \t\u3000]*\r?\n\s*")]
    private static partial Regex BlankLine();
}

/// <summary>What a save changes: the text fields, the photos' captions and credits by photo id, the public correction note.</summary>
internal sealed record ArticleEdit(ArticleContent Content, IReadOnlyDictionary<int, (string? Caption, string? Credit)> Captions, string? CorrectionNote, bool NoteDropped);
