namespace Broadsheet.Web.Published;

/// <summary>An article's text as a revision recorded it (<see cref="Core.Model.ArticleSnapshot"/>): fields, paragraphs, captions.</summary>
internal sealed record SnapshotText(string? Kicker, string? Headline, string? Subheadline, string? Byline, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Captions);

/// <summary>Reads <see cref="Core.Model.ArticleSnapshot"/> text back: one field or paragraph a line, fields named before a colon.</summary>
internal static class ArticleSnapshots
{
    public static SnapshotText Read(string snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string? kicker = null, headline = null, subheadline = null, byline = null;
        var paragraphs = new List<string>();
        var captions = new List<string>();
        foreach (var line in snapshot.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Field(line, "引题") is { } k) { kicker = k; }
            else if (Field(line, "主题") is { } h) { headline = h; }
            else if (Field(line, "副题") is { } s) { subheadline = s; }
            else if (Field(line, "作者") is { } b) { byline = b; }
            else if (Field(line, "图片说明") is { } c) { captions.Add(c); }
            else if ((Field(line, "小标题") ?? Field(line, "图注") ?? Field(line, "署名") ?? RunIn(line)) is { } kinded) { paragraphs.Add(kinded); }
            else if (Field(line, "类型") is not null || Field(line, "更正") is not null || line.StartsWith("区域 ", StringComparison.Ordinal)) { }
            else { paragraphs.Add(line); }
        }

        return new SnapshotText(kicker, headline, subheadline, byline, paragraphs, captions);
    }

    /// <summary>The words of a snapshot, without its regions and correction note: what a reader reads.</summary>
    public static string TextOf(string snapshot)
    {
        var text = Read(snapshot);
        return string.Join('\n', new[] { text.Kicker, text.Headline, text.Subheadline, text.Byline }.Select(f => f ?? "")
            .Concat(text.Paragraphs).Concat(text.Captions));
    }

    /// <summary>A paragraph with a run-in title, as the snapshot writes it: "加粗「标题」: 标题　正文".</summary>
    private static string? RunIn(string line)
    {
        var end = line.IndexOf("」: ", StringComparison.Ordinal);
        return line.StartsWith("加粗「", StringComparison.Ordinal) && end > 0 ? line[(end + 3)..] : null;
    }

    private static string? Field(string line, string name) =>
        line.StartsWith(name + ": ", StringComparison.Ordinal) ? line[(name.Length + 2)..] : null;
}
