using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Review;

/// <summary>
/// The article page's changes to an open edition: each records its revisions and an audit entry in the same
/// <see cref="EditionWork"/>, which the caller saves. A <see cref="DomainException"/> means nothing was changed.
/// </summary>
internal static class ArticleChanges
{
    public static string SubjectOf(EditionWork work, Article article) => Subject(work, article);

    /// <summary>Applies <paramref name="edit"/>; false when it changed nothing.</summary>
    public static bool Edit(EditionWork work, Article article, ArticleEdit edit, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(edit);
        var before = ArticleSnapshot.Of(article);
        work.Revise(article, by, "修改了文字", () =>
        {
            article.Apply(edit.Content);
            foreach (var image in article.Images)
            {
                if (edit.Captions.TryGetValue(image.Id, out var text))
                {
                    image.Describe(text.Caption, text.Credit);
                }
            }

            if (!string.Equals(article.CorrectionNote, edit.CorrectionNote, StringComparison.Ordinal))
            {
                article.SetCorrectionNote(edit.CorrectionNote, work.Now);
            }
        });
        // Saved, changed or not, the article has had a person's look.
        article.MarkChecked();
        if (string.Equals(before, ArticleSnapshot.Of(article), StringComparison.Ordinal))
        {
            return false;
        }

        work.Audit(by, edit.CorrectionNote is not null ? "correct-article" : "edit-article", Subject(work, article));
        return true;
    }

    /// <summary>Merges <paramref name="absorbed"/> into <paramref name="kept"/> and deletes it.</summary>
    public static void Merge(EditionWork work, Article kept, Article absorbed, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(absorbed);
        var title = absorbed.Headline;
        work.Restructure([kept, absorbed], by, $"并入了《{title}》", () =>
        {
            work.Edition.MergeArticles(kept, absorbed);
            kept.MarkChecked();
        });
        work.Audit(by, "merge-articles", Subject(work, kept), $"《{title}》并入《{kept.Headline}》");
    }

    /// <summary>Splits <paramref name="article"/> before its paragraph <paramref name="paragraph"/> (1-based); returns the new article.</summary>
    public static Article Split(EditionWork work, Article article, int paragraph, string headline, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(article);
        if (paragraph < 2 || paragraph > article.Paragraphs.Count)
        {
            throw new DomainException($"只能在两段之间拆分：这篇有{article.Paragraphs.Count}段，请从第2到第{article.Paragraphs.Count}段中选一段作为新文章的开头。");
        }

        Article? created = null;
        work.Restructure([article], by, $"从第{paragraph}段起拆出《{headline}》", () =>
        {
            created = work.Edition.SplitArticle(article, paragraph - 1, headline);
            article.MarkChecked();
            created.MarkChecked();
        }, a => ReferenceEquals(a, created) ? $"从《{article.Headline}》拆分出来" : $"从第{paragraph}段起拆出《{headline}》");
        work.Audit(by, "split-article", Subject(work, article), $"从第{paragraph}段起拆出《{headline}》");
        return created!;
    }

    /// <summary>Moves paragraphs <paramref name="first"/>..<paramref name="last"/> (1-based) of <paramref name="from"/> to the end of <paramref name="to"/>.</summary>
    public static void Move(EditionWork work, Article from, int first, int last, Article to, string by)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (last < first)
        {
            throw new DomainException($"第{first}段到第{last}段不是一个范围：结束的段落要在开始的段落之后。");
        }

        if (first < 1 || last > from.Paragraphs.Count)
        {
            throw new DomainException($"这篇只有{from.Paragraphs.Count}段，没有第{first}到{last}段。");
        }

        if (ReferenceEquals(from, to))
        {
            throw new DomainException("请选另一篇文章来接收这些段落。");
        }

        var range = first == last ? $"第{first}段" : $"第{first}到{last}段";
        var (fromTitle, toTitle) = (from.Headline, to.Headline);
        work.Restructure([from, to], by, $"{range}移到了《{toTitle}》", () =>
        {
            work.Edition.MoveParagraphs(from, first - 1, last - first + 1, to);
            from.MarkChecked();
            to.MarkChecked();
        }, a => ReferenceEquals(a, to) ? $"从《{fromTitle}》移来{range}" : $"{range}移到了《{toTitle}》");
        work.Audit(by, "move-paragraphs", Subject(work, from), $"{range}移到《{toTitle}》");
    }

    private static string Subject(EditionWork work, Article article) => $"{work.Subject} 《{article.Headline}》";
}
