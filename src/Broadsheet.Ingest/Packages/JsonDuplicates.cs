using System.Text;
using System.Text.Json;

namespace Broadsheet.Ingest.Packages;

/// <summary>
/// Finds a property name given twice in one JSON object, with the JSON path of that object. JSON leaves
/// duplicates undefined and parsers disagree on which one wins, so a manifest that has them is refused
/// rather than read one way here and another way in the tool that wrote it.
/// </summary>
internal static class JsonDuplicates
{
    /// <summary>The path of the object and the repeated name, or null when every object's names are distinct.</summary>
    /// <remarks>Call only on JSON that has parsed, so the reader's own limits (depth) already held.</remarks>
    public static (string Path, string Name)? Find(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new Stack<Frame>();
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var path = frames.Count == 0 ? "$" : frames.Peek().ChildPath(pending);
                    if (frames.Count > 0)
                    {
                        frames.Peek().Advance();
                    }

                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartObject));
                    pending = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!frames.Peek().Names!.Add(name))
                    {
                        return (frames.Peek().Path, name);
                    }

                    pending = name;
                    break;
                default:
                    if (frames.Count > 0)
                    {
                        frames.Peek().Advance();
                    }

                    pending = null;
                    break;
            }
        }

        return null;
    }

    private sealed class Frame(string path, bool isObject)
    {
        private int _index;

        public string Path { get; } = path;

        public HashSet<string>? Names { get; } = isObject ? new(StringComparer.Ordinal) : null;

        public string ChildPath(string? property) =>
            Names is not null ? new StringBuilder(Path).Append('.').Append(property).ToString() : $"{Path}[{_index}]";

        public void Advance()
        {
            if (Names is null)
            {
                _index++;
            }
        }
    }
}
