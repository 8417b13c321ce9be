using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Web.Reader.Localization;

namespace Broadsheet.Web.Desk.Imports;

/// <summary>
/// A refusal worded for the desk's upload form, in the publication's language: the form has a checkbox where the
/// command line has <c>--replace</c>, so the desk never tells an editor to type a flag.
/// </summary>
internal static class DeskProblemText
{
    /// <summary>The checkbox on the upload form, as the form labels it.</summary>
    public const string ReplaceBox = "这一天已有一期时，替换它";

    public static string For(Problem problem, string publicationName, string? language)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var english = PublicationCulture.IsEnglishFor(language);
        return problem switch
        {
            EditionExists e when english => string.Create(
                CultureInfo.InvariantCulture,
                $"{publicationName} already has {(e.Number == 1 ? "an edition" : $"edition {e.Number}")} of {e.Date:yyyy-MM-dd}, so nothing was changed. To replace it, tick “{ReplaceBox}” (replace the edition of that day) and upload again."),
            EditionExists e => string.Create(
                CultureInfo.InvariantCulture,
                $"{publicationName} {e.Date:yyyy-MM-dd}{(e.Number == 1 ? "" : $" 第{e.Number}期")} 已经有一期了，什么也没有改动。要替换它，请勾选“{ReplaceBox}”后重新上传。"),
            _ => english ? $"The upload was refused ({problem.Code}); nothing was changed." : $"上传被拒绝（{problem.Code}），什么也没有改动。",
        };
    }
}
