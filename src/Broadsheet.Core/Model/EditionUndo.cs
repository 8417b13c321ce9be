using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Broadsheet.Core.Model;

/// <summary>
/// How the articles a structural change at the desk touched (merge, split, delete, lines given to another
/// article …) were before it, so the change can be undone. An undo goes through only while those articles are
/// still as the change left them; another editor's later change to them makes it refuse rather than overwrite.
/// </summary>
public sealed class EditionUndo
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // While the change is being saved: the articles it touched, to name the ones it created and fingerprint the result.
    private readonly Edition? _edition;
    private readonly List<Article> _touched = [];

    private EditionUndo()
    {
        By = "";
        Summary = "";
        State = "";
    }

    private EditionUndo(Edition edition, IEnumerable<Article> touched, string by, string summary, DateTimeOffset at)
    {
        _edition = edition;
        _touched.AddRange(touched.Distinct());
        EditionId = edition.Id;
        By = by;
        Summary = summary;
        At = at;
        var state = new UndoState(
            [.. edition.Articles.OrderBy(a => a.Order).Select(a => a.Id)],
            [.. _touched.Select(ArticleState.Of)],
            [],
            "");
        State = JsonSerializer.Serialize(state, Json);
    }

    public long Id { get; private set; }

    public int EditionId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Who made the change.</summary>
    public string By { get; private set; }

    /// <summary>What the change was, as the desk says it: "合并《…》".</summary>
    public string Summary { get; private set; }

    /// <summary>The articles before the change, the ones it created and a fingerprint of the result, as JSON.</summary>
    public string State { get; private set; }

    /// <summary>
    /// Records <paramref name="touched"/> (every article the change will alter or delete; not the ones it creates)
    /// as they are now, before the change runs.
    /// </summary>
    public static EditionUndo Before(Edition edition, IEnumerable<Article> touched, string by, string summary, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(touched);
        return new EditionUndo(edition, touched, by, summary, at);
    }

    /// <summary>Completes the record once the change is saved and the articles it created have their ids.</summary>
    public void Seal()
    {
        if (_edition is null)
        {
            throw new InvalidOperationException("Only an undo made by Before can be sealed.");
        }

        var state = Read();
        var known = state.Order.ToHashSet();
        var created = _edition.Articles.Where(a => !known.Contains(a.Id)).Select(a => a.Id).ToList();
        var result = _touched.Where(_edition.Articles.Contains).Concat(_edition.Articles.Where(a => created.Contains(a.Id)));
        State = JsonSerializer.Serialize(state with { Created = created, After = Fingerprint(result) }, Json);
    }

    /// <summary>Whether the articles are still as the change left them (else an undo would overwrite a later change).</summary>
    public bool StillApplies(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var state = Read();
        var touchedIds = state.Articles.Select(a => a.Id).Concat(state.Created).ToHashSet();
        var now = edition.Articles.Where(a => touchedIds.Contains(a.Id));
        var created = state.Created.All(id => edition.Articles.Any(a => a.Id == id));
        return created && string.Equals(Fingerprint(now), state.After, StringComparison.Ordinal);
    }

    /// <summary>
    /// Puts the touched articles back as they were, removes the ones the change created and restores the reading
    /// order; returns the articles as they are after the undo (re-created ones are new objects without ids yet).
    /// </summary>
    public IReadOnlyList<Article> Restore(Edition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        if (!StillApplies(edition))
        {
            throw new DomainException("这一步之后，有人又改过这些文章，不能撤销了。");
        }

        var state = Read();
        foreach (var id in state.Created)
        {
            edition.DeleteArticle(edition.Articles.First(a => a.Id == id));
        }

        var restored = new Dictionary<int, Article>();
        foreach (var saved in state.Articles)
        {
            var article = edition.Articles.FirstOrDefault(a => a.Id == saved.Id)
                ?? edition.InsertArticle(saved.Content, edition.Articles.OrderBy(a => a.Order).LastOrDefault());
            saved.ApplyTo(article, edition);
            restored[saved.Id] = article;
        }

        // The order before the change, by the old ids; articles made since by other changes keep their place after their predecessor.
        var rank = state.Order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (double)x.i);
        var current = edition.Articles.OrderBy(a => a.Order).ToList();
        var keys = new Dictionary<Article, double>(ReferenceEqualityComparer.Instance);
        var last = -1.0;
        for (var i = 0; i < current.Count; i++)
        {
            var article = current[i];
            var oldId = restored.FirstOrDefault(r => ReferenceEquals(r.Value, article)).Key;
            var id = oldId != 0 ? oldId : article.Id;
            last = rank.TryGetValue(id, out var r) ? r : last + 0.001;
            keys[article] = last;
        }

        edition.Reorder([.. current.OrderBy(a => keys[a])]);
        return [.. restored.Values];
    }

    private UndoState Read() => JsonSerializer.Deserialize<UndoState>(State, Json) ?? throw new InvalidOperationException("An undo record without state.");

    private static string Fingerprint(IEnumerable<Article> articles)
    {
        var text = new StringBuilder();
        foreach (var article in articles.OrderBy(a => a.Id))
        {
            text.Append(article.Id).Append('\n').Append(ArticleSnapshot.Of(article));
            foreach (var image in article.Images)
            {
                text.Append("图片 ").Append(image.PageId).Append(' ').Append(image.Polygon).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    private sealed record UndoState(List<int> Order, List<ArticleState> Articles, List<int> Created, string After);

    private sealed record RegionState(int Page, string Polygon);

    private sealed record ImageState(int Page, string Polygon, string? Caption, string? Credit);

    private sealed record ArticleState(
        int Id,
        ArticleContent Content,
        List<RegionState> Regions,
        List<ImageState> Images,
        string? CorrectionNote,
        DateTimeOffset? CorrectedAt,
        double Confidence,
        ArticleDoubts Doubts,
        bool Checked)
    {
        public static ArticleState Of(Article a) => new(
            a.Id,
            new ArticleContent { Kicker = a.Kicker, Headline = a.Headline, Subheadline = a.Subheadline, Byline = a.Byline, Paragraphs = [.. a.Body], Kind = a.Kind },
            [.. a.Regions.Select(r => new RegionState(PageId(r.PageId, r.Page), r.Polygon.ToString()))],
            [.. a.Images.Select(i => new ImageState(PageId(i.PageId, i.Page), i.Polygon.ToString(), i.Caption, i.Credit))],
            a.CorrectionNote,
            a.CorrectedAt,
            a.Confidence,
            a.Doubts,
            a.Checked);

        public void ApplyTo(Article article, Edition edition)
        {
            Page PageOf(int id) => edition.Pages.FirstOrDefault(p => p.Id == id) ?? throw new DomainException("撤销要恢复的版面已经不在这一期里了。");
            article.Apply(Content);
            article.RestoreLayout(
                Regions.Select(r => (PageOf(r.Page), Polygon.Parse(r.Polygon))),
                Images.Select(i => (PageOf(i.Page), Polygon.Parse(i.Polygon), i.Caption, i.Credit)));
            article.RestoreCorrection(CorrectionNote, CorrectedAt);
            article.RestoreDetection(Confidence, Doubts, Checked);
        }

        private static int PageId(int id, Page? page) => id != 0 ? id : page?.Id ?? 0;
    }
}
