using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Broadsheet.Core.Ports;

namespace Broadsheet.Imaging.Ocr.Tesseract;

/// <summary>
/// Reads Tesseract's hOCR (blocks <c>ocr_carea</c>, paragraphs <c>ocr_par</c>, lines, words <c>ocrx_word</c> and with
/// <c>hocr_char_boxes</c> characters <c>ocrx_cinfo</c>) into lines. CJK words are split into their characters, each with
/// its own box and confidence, so a search hit can be marked on the exact characters.
/// </summary>
internal static class HocrParser
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    // Tesseract marks lines by what it takes them to be; all are lines of text.
    private static readonly HashSet<string> LineClasses = new(StringComparer.Ordinal) { "ocr_line", "ocr_textfloat", "ocr_header", "ocr_caption" };

    public static (IReadOnlyList<OcrLine> Lines, double SkewDegrees) Parse(Stream hocr)
    {
        // hOCR declares the XHTML DTD; nothing is fetched or expanded from it.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(hocr, settings);
        var document = XDocument.Load(reader);

        var lines = new List<OcrLine>();
        var slopes = new List<double>();
        var (block, paragraph) = (-1, -1);
        foreach (var element in document.Descendants())
        {
            var kind = (string?)element.Attribute("class");
            if (kind == "ocr_carea")
            {
                block++;
            }
            else if (kind == "ocr_par")
            {
                paragraph++;
            }
            else if (kind is not null && LineClasses.Contains(kind))
            {
                var line = ReadLine(element, Math.Max(block, 0), Math.Max(paragraph, 0), out var slope);
                if (line is not null)
                {
                    lines.Add(line);
                    if (slope is { } s && !line.Vertical && line.Box.Width > 4 * line.TypeSize)
                    {
                        slopes.Add(s);
                    }
                }
            }
        }

        // A baseline slope of dy/dx in image coordinates (y down): negative climbs to the right.
        var skew = -Math.Atan(OcrText.Median(slopes)) * 180 / Math.PI;
        return (lines, Math.Round(skew, 2));
    }

    private static OcrLine? ReadLine(XElement line, int block, int paragraph, out double? slope)
    {
        var title = Title(line);
        slope = title.TryGetValue("baseline", out var baseline) && baseline.Length >= 1 ? baseline[0] : null;
        var vertical = title.TryGetValue("textangle", out var angle) && angle.Length == 1 && Math.Abs(Math.Abs(angle[0]) - 90) < 1;

        var words = new List<OcrWord>();
        foreach (var word in line.Descendants(Xhtml + "span").Where(s => (string?)s.Attribute("class") == "ocrx_word"))
        {
            words.AddRange(ReadWord(word));
        }

        if (words.Count == 0)
        {
            return null;
        }

        var box = title.TryGetValue("bbox", out var b) && b.Length == 4 ? ToBox(b) : OcrText.Union(words.Select(w => w.Box));
        var typeSize = title.TryGetValue("x_size", out var size) && size.Length == 1 && size[0] > 0
            ? size[0]
            : OcrText.Median(words.Select(w => (double)(vertical ? w.Box.Width : w.Box.Height)).ToArray());
        return new OcrLine(OcrText.JoinWords(words.Select(w => w.Text)), box, words, OcrText.Confidence(words), typeSize, block, paragraph, vertical);
    }

    private static IEnumerable<OcrWord> ReadWord(XElement word)
    {
        // With character boxes the word's characters are elements of their own, indented by white space.
        var text = string.Concat(word.Value.Where(c => !char.IsWhiteSpace(c)));
        if (text.Length == 0)
        {
            yield break;
        }

        var title = Title(word);
        var confidence = title.TryGetValue("x_wconf", out var c) && c.Length == 1 ? c[0] / 100 : 0;
        var characters = word.Elements(Xhtml + "span").Where(s => (string?)s.Attribute("class") == "ocrx_cinfo").ToList();
        if (characters.Count > 1 && text.All(OcrText.IsCjk))
        {
            foreach (var character in characters)
            {
                var ct = Title(character);
                var value = character.Value.Trim();
                if (value.Length > 0 && ct.TryGetValue("x_bboxes", out var cb) && cb.Length == 4)
                {
                    yield return new OcrWord(value, ToBox(cb), ct.TryGetValue("x_conf", out var cc) && cc.Length == 1 ? cc[0] / 100 : confidence);
                }
            }

            yield break;
        }

        if (title.TryGetValue("bbox", out var box) && box.Length == 4)
        {
            yield return new OcrWord(text, ToBox(box), confidence);
        }
    }

    private static PixelBox ToBox(double[] b) => new((int)b[0], (int)b[1], (int)(b[2] - b[0]), (int)(b[3] - b[1]));

    /// <summary>hOCR's title: <c>key value value; key value …</c>, numbers only for the keys read here.</summary>
    private static Dictionary<string, double[]> Title(XElement element)
    {
        var properties = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var part in ((string?)element.Attribute("title") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var numbers = new List<double>(fields.Length);
            foreach (var field in fields.Skip(1))
            {
                if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    numbers.Add(number);
                }
            }

            properties[fields[0]] = [.. numbers];
        }

        return properties;
    }
}
