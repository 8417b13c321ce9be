using Broadsheet.Core.Model;
using Broadsheet.Data;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/publications</c>: every publication, and a new one (admins only, by the folder's policy).</summary>
internal sealed class PublicationsModel(IDbContextFactory<BroadsheetDbContext> contexts, DeskSanitizer sanitizer, DeskAudit audit) : PageModel
{
    public IReadOnlyList<(Publication Publication, int Editions)> Publications { get; private set; } = [];

    [BindProperty]
    public PublicationForm Form { get; set; } = new();

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var slug = (Form.Slug ?? "").Trim();
            var publication = new Publication(slug, sanitizer.Text(Form.Name) ?? throw new DomainException("A publication needs a name."));
            Form.ApplyTo(publication, sanitizer);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.Publications.AnyAsync(p => p.Slug == slug, cancellationToken))
            {
                throw new DomainException($"Publication '{slug}' already exists.");
            }

            db.Publications.Add(publication);
            await db.SaveChangesAsync(cancellationToken);
            await audit.WriteAsync(DeskAccess.NameOf(User), "create-publication", slug, publication.Name, cancellationToken: cancellationToken);
            TempData["Flash"] = $"已新建“{publication.Name}”。";
            return Redirect($"/desk/admin/publications/{slug}");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Publications.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { Publication = p, Editions = db.Editions.Count(e => e.PublicationId == p.Id) })
            .ToListAsync(cancellationToken);
        Publications = [.. rows.Select(r => (r.Publication, r.Editions))];
    }
}
