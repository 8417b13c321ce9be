using Broadsheet.Samples;

namespace Broadsheet.Bench.Accuracy;

/// <summary>
/// The edition each seed stands for. Everything but the seed is derived from it by a fixed rule, the same for
/// tuning and held-out seeds, so both sets hold the same mix: an English page in every third edition, Type 3
/// (Noto CFF) fonts in every fourth, and in every fifth (unless set in Noto) one page whose fonts have lost their
/// Unicode maps; numbers split into runs the Founder way everywhere.
/// </summary>
internal static class BenchEditions
{
    public static SampleEditionOptions Options(int seed, int pages) => new()
    {
        Seed = seed,
        PageCount = pages,
        Date = new DateOnly(2026, 11, 2).AddDays(seed % 60),
        IncludeEnglishPage = seed % 3 == 0,
        Fonts = seed % 4 == 2 ? SampleFontSet.NotoCff : SampleFontSet.TrueType,
        Quirks = true,
        UnmappedFontPage = seed % 5 == 4 && seed % 4 != 2 ? 2 + (seed % (pages - 2)) : null,
    };
}
