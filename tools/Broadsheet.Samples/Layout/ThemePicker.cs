using Broadsheet.Samples.Text;

namespace Broadsheet.Samples.Layout;

// Chooses what each story on a page is about: the page's own subject first, then others without repeats.
internal sealed class ThemePicker
{
    private readonly TextGenerator _text;
    private readonly PagePlan _plan;
    private readonly Queue<NewsTheme> _queue;

    public ThemePicker(TextGenerator text, PagePlan plan)
    {
        _text = text;
        _plan = plan;
        var all = plan.English ? EnglishCorpus.Themes : ChineseCorpus.Themes;
        var shuffled = all.ToArray();
        text.Random.Shuffle(shuffled);
        var preferred = Preferred(plan.Name);
        _queue = new Queue<NewsTheme>(preferred.Concat(shuffled.Except(preferred)));
    }

    public StorySpec Next(Slot slot)
    {
        var commentary = !_plan.English
            && (string.Equals(_plan.Name, "时评", StringComparison.Ordinal) ? slot.Importance <= 1 : slot.Importance == 2 && _text.Chance(0.12));
        var theme = commentary ? ChineseCorpus.Commentary : Dequeue();
        var all = _plan.English ? EnglishCorpus.Themes : ChineseCorpus.Themes;
        var deck = new SentenceDeck(_text, theme, [.. all.Where(t => t != theme)], _plan.English);
        var wire = !_plan.English && !commentary
            && (_plan.Name is "要闻" or "国际" || _plan.Number == 1) && _text.Chance(0.25);
        return new StorySpec(deck, commentary, wire, null, null);
    }

    private NewsTheme Dequeue()
    {
        var theme = _queue.Dequeue();
        _queue.Enqueue(theme);
        return theme;
    }

    private static NewsTheme[] Preferred(string pageName) => pageName switch
    {
        "经济" => [ChineseCorpus.Economy],
        "文化" or "副刊" => [ChineseCorpus.Culture],
        "体育" => [ChineseCorpus.Sports],
        "教育" => [ChineseCorpus.Schools],
        "健康" => [ChineseCorpus.Health],
        "乡村振兴" => [ChineseCorpus.Countryside],
        "民生" or "城市" or "社会" => [ChineseCorpus.Livelihood, ChineseCorpus.Environment],
        "法治" => [ChineseCorpus.Mediation, ChineseCorpus.Police],
        _ when pageName.StartsWith("平安", StringComparison.Ordinal) => [ChineseCorpus.Police, ChineseCorpus.Mediation],
        "头版" or "要闻" => [ChineseCorpus.Government],
        _ => [],
    };
}
