using Broadsheet.Core.Model;
using Broadsheet.Web.Desk;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary>The fields of a publication's settings form, bound from the post.</summary>
internal sealed class PublicationForm
{
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Language { get; set; } = "zh-CN";

    public string TimeZoneId { get; set; } = "Asia/Shanghai";

    public PageLabelStyle PageLabelStyle { get; set; }

    /// <summary>One footer line per line of the text box.</summary>
    public string? FooterLines { get; set; }

    public bool ImportAsDraft { get; set; }

    public string? WebsiteUrl { get; set; }

    /// <summary>The reuse terms given with the paper's bulk data (<see cref="Publication.Licence"/>).</summary>
    public string? Licence { get; set; }

    public static PublicationForm Of(Publication publication) => new()
    {
        Slug = publication.Slug,
        Name = publication.Name,
        Language = publication.Language,
        TimeZoneId = publication.TimeZoneId,
        PageLabelStyle = publication.PageLabelStyle,
        FooterLines = string.Join('\n', publication.FooterLines),
        ImportAsDraft = publication.ImportAsDraft,
        WebsiteUrl = publication.WebsiteUrl,
        Licence = publication.Licence,
    };

    /// <summary>Applies everything but the slug, which never changes once readers have links to it.</summary>
    public void ApplyTo(Publication publication, DeskSanitizer sanitizer)
    {
        publication.Name = sanitizer.Text(Name) ?? throw new DomainException("A publication needs a name.");
        publication.Language = Language is "zh-CN" or "en" ? Language : throw new DomainException($"Language '{Language}' is not offered; choose zh-CN or en.");
        publication.ChangeTimeZone(TimeZoneId.Trim());
        publication.PageLabelStyle = PageLabelStyle;
        publication.FooterLines = [.. (FooterLines ?? "").Split('\n').Select(sanitizer.Text).OfType<string>()];
        publication.ImportAsDraft = ImportAsDraft;
        publication.ChangeWebsite(WebsiteUrl);
        var licence = string.Join('\n', (Licence ?? "").ReplaceLineEndings("\n").Split('\n').Select(sanitizer.Text).OfType<string>());
        publication.Licence = licence.Length == 0 ? null : licence;
    }
}
