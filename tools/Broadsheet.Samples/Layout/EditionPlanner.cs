using System.Globalization;
using Broadsheet.Samples.Text;

namespace Broadsheet.Samples.Layout;

// One page of the plan: what it is called and what it must contain.
internal sealed record PagePlan(int Number, string Label, string Name, bool English, int Columns, PageFeatures Features, string? JumpTo);

// Decides the pages of an edition: names, grids and which page carries which kind of item, so that every
// edition has briefs, photo news, an advertisement, an L-shaped story and a story continued from page 1.
internal static class EditionPlanner
{
    public const string EnglishPageName = "International";

    public static List<PagePlan> Plan(SampleEditionOptions options, TextGenerator text)
    {
        var count = options.PageCount;
        var englishPage = options.IncludeEnglishPage ? (count >= 6 ? count - 1 : count) : 0;
        var names = PageNames(count, englishPage, text);

        var chinese = Enumerable.Range(2, count - 1).Where(p => p != englishPage).ToList();
        var jumpTarget = text.Pick(chinese.Where(p => p <= 4).ToList());
        var briefsPage = text.Pick(chinese);
        var advertPage = text.Chance(0.5) ? chinese[^1] : text.Pick(chinese);
        var photoPage = text.Chance(0.3) ? 1 : text.Pick(chinese);

        var plans = new List<PagePlan>();
        for (var page = 1; page <= count; page++)
        {
            var english = page == englishPage;
            var briefs = !english && (page == briefsPage || text.Chance(0.25));
            var photo = page == photoPage || text.Chance(english ? 0.6 : 0.35);
            var advert = !english && page != 1 && (page == advertPage || text.Chance(0.3));
            var lShape = page == 1 || text.Chance(0.45);
            var fixedCount = 1 + (advert ? 1 : 0) + (briefs ? 1 : 0) + (photo ? 1 : 0) + (lShape && !photo ? 1 : 0);
            var features = new PageFeatures(
                ArticleCount: text.Next(Math.Max(4, fixedCount + 1), 9),
                Advert: advert,
                Briefs: briefs,
                PhotoNews: photo,
                LShape: lShape,
                Continuation: page == jumpTarget,
                JumpsOut: page == 1);
            int[] grids = page == 1 ? [8, 8, 9, 7] : english ? [5, 6, 6] : [5, 6, 6, 7, 8, 8, 8, 9];
            var columns = text.Pick(grids);
            plans.Add(new PagePlan(page, Label(page), names[page - 1], english, columns, features, page == 1 ? Label(jumpTarget) : null));
        }

        return plans;
    }

    public static string Label(int page) => page.ToString("00", CultureInfo.InvariantCulture);

    private static List<string> PageNames(int count, int englishPage, TextGenerator text)
    {
        var pool = ChineseCorpus.PageNames.Select(n => text.Fill(n))
            .Where(n => !string.Equals(n, "要闻", StringComparison.Ordinal))
            .Where(n => englishPage == 0 || !string.Equals(n, "国际", StringComparison.Ordinal))
            .ToArray();
        text.Random.Shuffle(pool);
        var queue = new Queue<string>(pool);
        var names = new List<string> { "头版", "要闻" };
        for (var page = 3; page <= count; page++)
        {
            names.Add(page == englishPage ? EnglishPageName : queue.Dequeue());
        }

        if (englishPage == 2)
        {
            names[1] = EnglishPageName;
        }

        // A literary supplement (副刊) goes at the back of the paper.
        var supplement = names.IndexOf("副刊");
        var lastChinese = englishPage == count ? count - 2 : count - 1;
        if (supplement > 0 && supplement != lastChinese)
        {
            (names[supplement], names[lastChinese]) = (names[lastChinese], names[supplement]);
        }

        return names;
    }
}
