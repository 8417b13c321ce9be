namespace Broadsheet.Imaging.Ocr;

/// <summary>The script family of a page's language, which decides the engine in <see cref="OcrEngineChoice.Auto"/>.</summary>
internal enum OcrScript
{
    Latin,
    SimplifiedChinese,
    TraditionalChinese,
    Japanese,
    Other,
}

/// <summary>What the engines need to know of the languages printed on a page.</summary>
/// <param name="Tags">The BCP-47 tags asked for.</param>
/// <param name="TesseractModels">Tesseract's models for them, in order, e.g. <c>deu</c>, <c>frk</c>.</param>
/// <param name="Script">The first language's script family.</param>
internal sealed record OcrLanguageSet(IReadOnlyList<string> Tags, IReadOnlyList<string> TesseractModels, OcrScript Script);

/// <summary>Maps BCP-47 tags to Tesseract's models (each installed by Debian's <c>tesseract-ocr-&lt;model&gt;</c>).</summary>
internal static class OcrLanguages
{
    // Fraktur (frk) beside German, because the archives that come as scans are often set in it; vertical models beside
    // Japanese, whose papers set most text top to bottom.
    private static readonly Dictionary<string, (string[] Models, OcrScript Script)> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = (["eng"], OcrScript.Latin),
        ["de"] = (["deu", "frk"], OcrScript.Latin),
        ["it"] = (["ita"], OcrScript.Latin),
        ["fr"] = (["fra"], OcrScript.Latin),
        ["es"] = (["spa"], OcrScript.Latin),
        ["pt"] = (["por"], OcrScript.Latin),
        ["nl"] = (["nld"], OcrScript.Latin),
        ["ja"] = (["jpn", "jpn_vert"], OcrScript.Japanese),
        ["ko"] = (["kor"], OcrScript.Other),
        ["ru"] = (["rus"], OcrScript.Other),
    };

    /// <summary>The languages the scripts install data for; others are read once their Debian package is installed.</summary>
    public static IReadOnlyList<string> Installed { get; } = ["zh-CN", "zh-TW", "zh-HK", "en", "de", "it", "fr", "ja"];

    public static OcrLanguageSet Resolve(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count == 0)
        {
            throw new NotSupportedException("OCR needs the page's language (a BCP-47 tag such as zh-CN or en); none was given.");
        }

        var models = new List<string>();
        OcrScript? script = null;
        foreach (var tag in tags)
        {
            var (tagModels, tagScript) = Map(tag);
            script ??= tagScript;
            models.AddRange(tagModels.Where(m => !models.Contains(m, StringComparer.Ordinal)));
        }

        return new OcrLanguageSet(tags, models, script!.Value);
    }

    private static (string[] Models, OcrScript Script) Map(string tag)
    {
        var parts = (tag ?? "").Trim().Replace('_', '-').ToLowerInvariant().Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new NotSupportedException("OCR was given an empty language tag.");
        }

        if (parts[0] == "zh")
        {
            // Traditional characters: an explicit Hant script, or the regions that print them.
            var traditional = parts.Contains("hant") || (!parts.Contains("hans") && parts.Any(p => p is "tw" or "hk" or "mo"));
            return traditional ? (["chi_tra"], OcrScript.TraditionalChinese) : (["chi_sim"], OcrScript.SimplifiedChinese);
        }

        if (ByLanguage.TryGetValue(parts[0], out var known))
        {
            return known;
        }

        throw new NotSupportedException(
            $"OCR does not know the language '{tag}'; it reads {string.Join(", ", Installed)} (and es, pt, nl, ko, ru with their Tesseract data).");
    }
}
