using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Web.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Web.Areas.Desk.Pages.Admin;

/// <summary><c>/desk/admin/publications</c>: every publication, and a new one (admins only, by the folder's policy).</summary>
internal sealed class PublicationsModel(IPublicationSettings settings, DeskSanitizer sanitizer, DeskAudit audit) : PageModel
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
            await settings.AddAsync(publication, audit.Entry(DeskAccess.NameOf(User), "create-publication", slug, publication.Name), cancellationToken);
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
        Publications = [.. (await settings.ListAsync(cancellationToken)).Select(r => (r.Publication, r.Editions))];
    }
}
