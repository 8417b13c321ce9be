using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk;

/// <summary>How the desk names an edition's status.</summary>
internal static class StatusText
{
    public static string Of(EditionStatus status) => status switch
    {
        EditionStatus.Draft => "草稿",
        EditionStatus.Scheduled => "定时发布",
        EditionStatus.Published => "已发布",
        EditionStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };
}
