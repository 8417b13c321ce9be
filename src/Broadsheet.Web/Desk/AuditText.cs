namespace Broadsheet.Web.Desk;

/// <summary>How the audit log's actions read at the desk; the log itself keeps short codes, which scripts and tests filter on.</summary>
internal static class AuditText
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["sign-in"] = "登录",
        ["sign-in-failed"] = "登录失败",
        ["sign-in-locked"] = "登录失败，账号锁定",
        ["sign-out"] = "退出",
        ["import"] = "导入一期",
        ["import-failed"] = "导入失败",
        ["publish"] = "发布",
        ["schedule"] = "定时发布",
        ["unschedule"] = "取消定时",
        ["withdraw"] = "撤回",
        ["edit-article"] = "修改文章",
        ["correct-article"] = "更正文章",
        ["merge-articles"] = "合并文章",
        ["split-article"] = "拆分文章",
        ["move-paragraphs"] = "移动段落",
        ["edit-regions"] = "修改区域",
        ["assign-lines"] = "在版面上归文字",
        ["new-article"] = "新建文章",
        ["delete-article"] = "删除文章",
        ["reorder-articles"] = "调整阅读顺序",
        ["join-lines"] = "合并碎行",
        ["move-photo"] = "图片归到别的文章",
        ["crop-photo"] = "调整图片范围",
        ["delete-photo"] = "删除图片",
        ["check-article"] = "核对文章",
        ["check-page"] = "核对版面",
        ["resolve-report"] = "处理读者报告",
        ["undo"] = "撤销",
        ["publication-settings"] = "修改报纸设置",
        ["create-publication"] = "新建报纸",
        ["add-user"] = "新建账号",
        ["user-publications"] = "修改账号可编辑的报纸",
    };

    /// <summary>The action in the desk's words; an action this version does not know reads as its code.</summary>
    public static string Action(string code) => Actions.GetValueOrDefault(code, code);

    /// <summary>What a reader reported, as the report queue and the log say it.</summary>
    public static string ReportKind(Broadsheet.Core.Model.ReportKind kind) => kind switch
    {
        Broadsheet.Core.Model.ReportKind.WrongRegion => "区域不对",
        Broadsheet.Core.Model.ReportKind.WrongText => "文字有误",
        _ => "其他",
    };

    public static string Role(string? role) => role switch
    {
        "admin" => "管理员",
        "editor" => "编辑",
        _ => role ?? "",
    };
}
