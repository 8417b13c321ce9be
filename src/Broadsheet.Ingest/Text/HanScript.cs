namespace Broadsheet.Ingest.Text;

/// <summary>Which Han characters a publication prints, where folding a radical has two answers.</summary>
internal enum HanScript
{
    /// <summary>Simplified characters (zh-CN, zh-SG, zh-Hans): the default.</summary>
    Simplified = 0,

    /// <summary>Traditional characters (zh-TW, zh-HK, zh-MO, zh-Hant).</summary>
    Traditional = 1,
}

internal static class HanScripts
{
    /// <summary>The script a BCP 47 language tag implies; anything not marked traditional is read as simplified.</summary>
    public static HanScript FromLanguage(string? language)
    {
        var tag = language ?? "";
        string[] traditional = ["zh-TW", "zh-HK", "zh-MO", "zh-Hant"];
        return traditional.Any(t => tag.StartsWith(t, StringComparison.OrdinalIgnoreCase)) ? HanScript.Traditional : HanScript.Simplified;
    }
}
