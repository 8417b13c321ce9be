using System.Globalization;
using Broadsheet.Core.Model;
using Broadsheet.Samples.Text;
using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Corpus;

/// <summary>
/// Writes the archive of one daily, day after day, from the samples' text corpus: pages named like a Chinese
/// paper's, stories with kickers, bylines, several paragraphs and captions, photo news, and an English page on
/// most days. Streamed (one day in memory at a time) and deterministic: the same shape gives the same articles.
/// </summary>
internal sealed class CorpusGenerator(CorpusShape shape, Plantings plantings)
{
    private const int ArticlesPerPage = 6;

    public IEnumerable<ArticleDocument> Articles()
    {
        for (var day = 0; day < shape.Days; day++)
        {
            var first = shape.FirstIndexOf(day);
            var count = shape.FirstIndexOf(day + 1) - first;
            if (count == 0)
            {
                continue;
            }

            var date = shape.FirstDay.AddDays(day);
            var text = new TextGenerator(new Random(HashCode.Combine(shape.Seed, day)), date, CorpusShape.PublicationName);
            var pages = Pages(day, count, text);
            for (var j = 0; j < count; j++)
            {
                var page = j * pages.Count / count;
                var firstOnPage = ((page * count) + pages.Count - 1) / pages.Count;
                var (label, name) = pages[page];
                var draft = Write(text, first + j, date, label, name, j - firstOnPage + 1);
                plantings.Plant(draft, text.Random);
                var document = draft.ToDocument();
                plantings.Observe(document);
                yield return document;
            }
        }
    }

    // Page 1 is 要闻; the others rotate through the sample page names day by day; on most days the last page is the
    // English international page.
    private static List<(string Label, string Name)> Pages(int day, int count, TextGenerator text)
    {
        var pageCount = Math.Clamp((count + ArticlesPerPage - 1) / ArticlesPerPage, 1, 16);
        var international = count >= 2 && (pageCount >= 4 || day % 8 == 0);
        if (international && pageCount == 1)
        {
            pageCount = 2;
        }

        var names = ChineseCorpus.PageNames;
        var pages = new List<(string, string)>(pageCount);
        for (var p = 0; p < pageCount; p++)
        {
            var name = p == 0 ? names[0]
                : international && p == pageCount - 1 ? CorpusShape.InternationalPage
                : text.Fill(names[1 + ((p - 1 + day) % (names.Length - 1))]);
            pages.Add(((p + 1).ToString("00", CultureInfo.InvariantCulture), name));
        }

        return pages;
    }

    private static ArticleDraft Write(TextGenerator text, int index, DateOnly date, string label, string pageName, int numberOnPage)
    {
        var draft = new ArticleDraft
        {
            Index = index,
            Date = date,
            PageLabel = label,
            PageName = pageName,
            NumberOnPage = numberOnPage,
            Headline = "",
        };
        if (string.Equals(pageName, CorpusShape.InternationalPage, StringComparison.Ordinal))
        {
            WriteEnglish(text, draft);
        }
        else if (text.Chance(0.08))
        {
            WritePhotoNews(text, draft);
        }
        else
        {
            WriteChinese(text, draft);
        }

        return draft;
    }

    private static void WriteChinese(TextGenerator text, ArticleDraft draft)
    {
        var themes = ChineseCorpus.Themes;
        var theme = text.Pick(themes);
        var deck = new SentenceDeck(text, theme, themes, english: false);
        if (theme.Kickers.Length > 0 && text.Chance(0.3))
        {
            draft.Kicker = text.Fill(text.Pick(theme.Kickers));
        }

        draft.Headline = text.Headline(theme, english: false);
        if (theme.Subheadlines.Length > 0 && text.Chance(0.2))
        {
            draft.Subheadline = text.Fill(text.Pick(theme.Subheadlines));
        }

        draft.Byline = text.Chance(0.5) ? $"本报记者　{text.ChineseName()}" : $"记者　{text.ChineseName()}　通讯员　{text.ChineseName()}";
        var paragraphs = text.Next(3, 9);
        for (var p = 0; p < paragraphs; p++)
        {
            draft.Paragraphs.Add(deck.Join(deck.Paragraph(text.Next(2, 5))));
        }

        if (theme.Captions.Length > 0 && text.Chance(0.3))
        {
            var photos = text.Next(1, 3);
            for (var p = 0; p < photos; p++)
            {
                draft.Captions.Add(text.Fill(text.Pick(theme.Captions)));
                draft.Credits.Add($"记者　{text.ChineseName()}　摄");
            }
        }
    }

    private static void WriteEnglish(TextGenerator text, ArticleDraft draft)
    {
        var themes = EnglishCorpus.Themes;
        var theme = text.Pick(themes);
        var deck = new SentenceDeck(text, theme, themes, english: true);
        draft.Headline = text.Headline(theme, english: true);
        if (theme.Subheadlines.Length > 0 && text.Chance(0.3))
        {
            draft.Subheadline = text.Fill(text.Pick(theme.Subheadlines), english: true);
        }

        draft.Byline = $"By {text.EnglishName()}";
        var paragraphs = text.Next(3, 8);
        for (var p = 0; p < paragraphs; p++)
        {
            var paragraph = deck.Join(deck.Paragraph(text.Next(2, 5)));
            draft.Paragraphs.Add(p == 0 ? $"{text.Pick(EnglishCorpus.Datelines)} — {paragraph}" : paragraph);
        }

        if (theme.Captions.Length > 0 && text.Chance(0.3))
        {
            draft.Captions.Add(text.Fill(text.Pick(theme.Captions), english: true));
            draft.Credits.Add($"Photo: {text.EnglishName()}");
        }
    }

    private static void WritePhotoNews(TextGenerator text, ArticleDraft draft)
    {
        var (title, caption) = text.Pick(ChineseCorpus.PhotoNews);
        draft.Kind = ArticleKind.PhotoNews;
        draft.Headline = title;
        draft.Captions.Add(text.Fill(caption));
        draft.Credits.Add($"记者　{text.ChineseName()}　摄");
    }
}
