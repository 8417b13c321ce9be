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

        static string YesNo(bool value) => value ? "是" : "否";
        Compare("名称", before.Name, after.Name);
        Compare("界面语言", before.Language, after.Language);
        Compare("时区", before.TimeZoneId, after.TimeZoneId);
        Compare("版次编号", before.PageLabelStyle == PageLabelStyle.Sectioned ? "A01" : "01", after.PageLabelStyle == PageLabelStyle.Sectioned ? "A01" : "01");
        Compare("页脚", before.FooterLines?.ReplaceLineEndings(" / "), after.FooterLines?.ReplaceLineEndings(" / "));
        Compare("导入后先存为草稿", YesNo(before.ImportAsDraft), YesNo(after.ImportAsDraft));
        Compare("网站", before.WebsiteUrl, after.WebsiteUrl);
        Compare("数据许可", before.Licence?.ReplaceLineEndings(" / "), after.Licence?.ReplaceLineEndings(" / "));
        return changes.Count == 0 ? "没有改动" : string.Join("；", changes);
    }
}
