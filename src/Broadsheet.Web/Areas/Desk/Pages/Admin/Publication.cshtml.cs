using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Web.Caching;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/publications/{slug}</c>: a publication's settings; the reader shows changes at once.</summary>
internal sealed class PublicationModel(IDbContextFactory<BroadsheetDbContext> contexts, DeskSanitizer sanitizer, DeskAudit audit, IReaderCache cache) : PageModel
{
    [BindProperty]
    public PublicationForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken) is not { } publication)
        {
            return NotFound();
        }

        Form = PublicationForm.Of(publication);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Publications.FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken) is not { } publication)
        {
            return NotFound();
        }

        var before = PublicationForm.Of(publication);
        try
        {
            Form.ApplyTo(publication, sanitizer);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Form.Slug = slug;
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        var after = PublicationForm.Of(publication);
        await audit.WriteAsync(DeskAccess.NameOf(User), "publication-settings", slug, publication.Name, Changes(before, after), cancellationToken);
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
