using System.Text;
using Broadsheet.Core.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Broadsheet.Samples.Tests;

/// <summary>What a PDF reader gets back from a generated page.</summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<Letter> letters, double width, double height, int images)
    {
        Letters = letters;
        Width = width;
        Height = height;
        ImageCount = images;
        Compact = Squeeze(string.Concat(letters.Select(l => l.Value)));
    }

    /// <summary>Non-blank letters in content-stream order.</summary>
    public IReadOnlyList<Letter> Letters { get; }

    public double Width { get; }

    public double Height { get; }

    public int ImageCount { get; }

    /// <summary>The page text with all whitespace removed.</summary>
    public string Compact { get; }

    public static PdfText Read(string path)
    {
        using var document = PdfDocument.Open(path);
        var page = document.GetPage(1);
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        return new PdfText(letters, page.Width, page.Height, page.GetImages().Count());
    }

    public static string Squeeze(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public bool Contains(string text) => Compact.Contains(Squeeze(text), StringComparison.Ordinal);

    /// <summary>Every run of letters spelling <paramref name="text"/> (whitespace ignored) at a size of at least <paramref name="minSize"/>.</summary>
    public IEnumerable<IReadOnlyList<Letter>> Find(string text, double minSize)
    {
        var target = Squeeze(text);
        var values = Letters.Select(l => l.Value).ToList();
        for (var start = 0; start + target.Length <= values.Count; start++)
        {
            var matched = 0;
            var index = start;
            while (matched < target.Length && index < values.Count
                && string.CompareOrdinal(values[index], 0, target, matched, values[index].Length) == 0)
            {
                matched += values[index].Length;
                index++;
            }

            if (matched == target.Length && Letters.Skip(start).Take(index - start).All(l => l.PointSize >= minSize))
            {
                yield return Letters.Skip(start).Take(index - start).ToList();
            }
        }
    }

    /// <summary>
    /// The glyph's ink box, as the reader computes it from the embedded font, normalised with the origin top-left,
    /// less 1 pt all round: a letter such as "Y" has no side bearing, so its ink starts exactly on the column edge.
    /// </summary>
    public (NormalisedPoint TopLeft, NormalisedPoint BottomRight) Box(Letter letter)
    {
        const double Tolerance = 1;
        var box = letter.BoundingBox;
        return (
            new((box.Left + Tolerance) / Width, 1 - ((box.Top - Tolerance) / Height)),
            new((box.Right - Tolerance) / Width, 1 - ((box.Bottom + Tolerance) / Height)));
    }
}
