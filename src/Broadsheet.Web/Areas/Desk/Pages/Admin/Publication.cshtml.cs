using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/publications/{slug}</c>: a publication's settings; the reader shows changes at once.</summary>
internal sealed class PublicationModel(IPublicationSettings publications, DeskSanitizer sanitizer, DeskAudit audit, IReaderCache cache) : PageModel
{
    [BindProperty]
    public PublicationForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await publications.FindAsync(slug, cancellationToken) is not { } publication)
        {
            return NotFound();
        }

        Form = PublicationForm.Of(publication);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        bool found;
        try
        {
            // The change and its audit line are saved together, or neither is.
            found = await publications.ChangeAsync(slug, publication =>
            {
                var before = PublicationForm.Of(publication);
                Form.ApplyTo(publication, sanitizer);
                return audit.Entry(DeskAccess.NameOf(User), "publication-settings", slug, publication.Name, Changes(before, PublicationForm.Of(publication)));
            }, cancellationToken);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Form.Slug = slug;
            return Page();
        }

        if (!found)
        {
            return NotFound();
        }

        // The footer, the name and the language appear on every reader page of the publication.
        await cache.InvalidateAsync(slug, default, cancellationToken);
        TempData["Flash"] = "设置已保存，读者页面已更新。";
        return Redirect(Request.Path);
    }

    private static string Changes(PublicationForm before, PublicationForm after)
    {
        var changes = new List<string>();
        void Compare(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                changes.Add($"{name}: {a} → {b}");
            }
        }

        Compare("name", before.Name, after.Name);
        Compare("language", before.Language, after.Language);
        Compare("time zone", before.TimeZoneId, after.TimeZoneId);
        Compare("page labels", before.PageLabelStyle, after.PageLabelStyle);
        Compare("footer", before.FooterLines, after.FooterLines);
        Compare("import as draft", before.ImportAsDraft, after.ImportAsDraft);
        Compare("website", before.WebsiteUrl, after.WebsiteUrl);
        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }
}
