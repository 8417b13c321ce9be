using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Core.Model;

/// <summary>What a paragraph of an article's text is in the printed hierarchy; the reader and the API style it by this.</summary>
public enum ParagraphKind
{
    /// <summary>Running text.</summary>
    Body = 0,

    /// <summary>小标题: a sub-head between body paragraphs.</summary>
    Subhead = 1,

    /// <summary>图片说明 set in the text rather than under a photo of the article.</summary>
    Caption = 2,

    /// <summary>A photo or source credit ("新华社记者 张三 摄") set as a line of the text.</summary>
    Credit = 3,
}

/// <summary>
/// One paragraph of an article: its text, its kind, and for a brief's run-in title ("【标题】正文…", the title printed
/// bold on the paragraph's first line) how many of its first characters that title is.
/// </summary>
/// <remarks>
/// Stored as JSON (<see cref="ParagraphJsonConverter"/>): a plain body paragraph is a JSON string, as paragraphs
/// were before they had kinds, so stored articles and undo records read unchanged; any other is an object.
/// </remarks>
[JsonConverter(typeof(ParagraphJsonConverter))]
public sealed record Paragraph
{
    public Paragraph(string text, ParagraphKind kind = ParagraphKind.Body, int lead = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Kind = Enum.IsDefined(kind) ? kind : ParagraphKind.Body;
        Lead = kind == ParagraphKind.Body ? Math.Clamp(lead, 0, text.Length) : 0;
    }

    public string Text { get; }

    public ParagraphKind Kind { get; }

    /// <summary>How many of the first characters of <see cref="Text"/> are a run-in title (printed bold); 0 for none.</summary>
    public int Lead { get; }

    /// <summary>The run-in title, or null.</summary>
    public string? LeadText => Lead > 0 ? Text[..Lead] : null;

    /// <summary>A body paragraph of <paramref name="text"/>: detection, imports and tests mostly make these.</summary>
    public static implicit operator Paragraph(string text) => new(text);

    /// <summary>The same paragraph with other text, keeping its kind (and its run-in title where the text still starts with it).</summary>
    public Paragraph WithText(string text) =>
        new(text, Kind, LeadText is { } lead && text.StartsWith(lead, StringComparison.Ordinal) ? Lead : 0);

    /// <summary>
    /// Paragraphs of the texts <paramref name="after"/>, an edit of <paramref name="before"/> that knew only the texts
    /// (joining broken lines, cutting text away): a text that is still one of the old paragraphs' keeps its kind and
    /// run-in title, in order; any other text is body.
    /// </summary>
    public static List<Paragraph> Carry(IReadOnlyList<Paragraph> before, IEnumerable<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var result = new List<Paragraph>();
        var next = 0;
        foreach (var text in after)
        {
            var found = -1;
            for (var i = next; i < before.Count && found < 0; i++)
            {
                found = string.Equals(before[i].Text, text, StringComparison.Ordinal) ? i : -1;
            }

            result.Add(found >= 0 ? before[found] : new Paragraph(text));
            next = found >= 0 ? found + 1 : next;
        }

        return result;
    }

    public override string ToString() => Text;
}

/// <summary>Reads a paragraph from a JSON string (a body paragraph) or an object <c>{"text","kind","lead"}</c>; writes the string where it can.</summary>
public sealed class ParagraphJsonConverter : JsonConverter<Paragraph>
{
    public override Paragraph Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Paragraph(reader.GetString() ?? "");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A paragraph is a string or an object with its text and kind.");
        }

        string text = "";
        var kind = ParagraphKind.Body;
        var lead = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "text": text = reader.GetString() ?? ""; break;
                case "kind": kind = Parse(reader.GetString()); break;
                case "lead": lead = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }

        return new Paragraph(text, kind, lead);
    }

    public override void Write(Utf8JsonWriter writer, Paragraph value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Kind == ParagraphKind.Body && value.Lead == 0)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("text", value.Text);
        writer.WriteString("kind", Name(value.Kind));
        if (value.Lead > 0)
        {
            writer.WriteNumber("lead", value.Lead);
        }

        writer.WriteEndObject();
    }

    /// <summary>The kind as the stored JSON and the API spell it: body, subhead, caption, credit.</summary>
    public static string Name(ParagraphKind kind) => kind switch
    {
        ParagraphKind.Subhead => "subhead",
        ParagraphKind.Caption => "caption",
        ParagraphKind.Credit => "credit",
        _ => "body",
    };

    private static ParagraphKind Parse(string? name) => name switch
    {
        "subhead" => ParagraphKind.Subhead,
        "caption" => ParagraphKind.Caption,
        "credit" => ParagraphKind.Credit,
        _ => ParagraphKind.Body,
    };
}
