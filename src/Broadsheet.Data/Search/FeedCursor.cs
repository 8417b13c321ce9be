using System.Globalization;

namespace Broadsheet.Data.Search;

/// <summary>
/// How far one search index has read the shared outbox, kept beside that index (<c>index.feed</c>) because it belongs
/// to the index, not to the database: several nodes read one outbox, each at its own pace, and a node whose index is
/// deleted rebuilds it and starts again from where the rebuild read. One line: the change id and when it was reached.
/// </summary>
internal sealed class FeedCursor(string indexPath)
{
    private readonly string _path = Path.TrimEndingDirectorySeparator(indexPath) + ".feed";

    /// <summary>The last change applied and when, or null when this index has never read the outbox.</summary>
    public (long Id, DateTimeOffset At)? Read()
    {
        string text;
        try
        {
            text = File.ReadAllText(_path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        var parts = text.Trim().Split(' ');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (id, at)
            : null;
    }

    /// <summary>Written whole and then renamed over the old one, so a crash leaves one or the other.</summary>
    public void Write(long id, DateTimeOffset at)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{id} {at.UtcDateTime:O}\n"));
        File.Move(temporary, _path, overwrite: true);
    }
}
