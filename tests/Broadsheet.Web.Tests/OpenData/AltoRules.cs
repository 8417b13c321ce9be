using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Web.Tests.OpenData;

/// <summary>
/// ALTO 4's rules (alto-4-4.xsd) as a reader of the file relies on them, checked without the schema file (nothing
/// may be fetched during tests): the namespace; Description before Layout; Page with ID and PHYSICAL_IMG_NR;
/// blocks and lines with the four position attributes their types require; String with CONTENT; SP only between
/// Strings of a line; every ID an xsd:ID (an NCName) and unique; every box inside its page.
/// </summary>
internal static class AltoRules
{
    public static readonly XNamespace Ns = "http://www.loc.gov/standards/alto/ns-v4#";

    /// <summary>Checks the document and returns its pages.</summary>
    public static IReadOnlyList<XElement> Document(XDocument alto)
    {
        var root = alto.Root!;
        Assert.Equal(Ns + "alto", root.Name);
        Assert.Equal([Ns + "Description", Ns + "Layout"], root.Elements().Select(e => e.Name));
        var unit = root.Element(Ns + "Description")!.Element(Ns + "MeasurementUnit")!.Value;
        Assert.Contains(unit, new[] { "pixel", "mm10", "inch1200" });

        var ids = root.Descendants().Select(e => e.Attribute("ID")?.Value).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => XmlConvert.VerifyNCName(id));

        var pages = root.Element(Ns + "Layout")!.Elements().ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            Assert.Equal(Ns + "Page", page.Name);
            Assert.NotNull(page.Attribute("ID"));
            Assert.True(int.Parse(page.Attribute("PHYSICAL_IMG_NR")!.Value, CultureInfo.InvariantCulture) > 0);
            var (width, height) = (Number(page, "WIDTH"), Number(page, "HEIGHT"));
            // Margins, then the print space, in the schema's order; here only the print space.
            var space = Assert.Single(page.Elements());
            Assert.Equal(Ns + "PrintSpace", space.Name);
            foreach (var block in space.Elements())
            {
                Assert.Equal(Ns + "TextBlock", block.Name);
                Inside(block, width, height);
                foreach (var line in block.Elements())
                {
                    Assert.Equal(Ns + "TextLine", line.Name);
                    Inside(line, width, height);
                    var parts = line.Elements().ToList();
                    Assert.NotEmpty(parts);
                    for (var i = 0; i < parts.Count; i++)
                    {
                        // String, SP and HYP alternate: a line starts and ends with a String, and SP never doubles.
                        var expected = i % 2 == 0 ? Ns + "String" : Ns + "SP";
                        Assert.Equal(expected, parts[i].Name);
                    }

                    Assert.Equal(Ns + "String", parts[^1].Name);
                    foreach (var word in parts.Where(p => p.Name == Ns + "String"))
                    {
                        Assert.False(string.IsNullOrEmpty(word.Attribute("CONTENT")?.Value));
                        Inside(word, width, height);
                    }
                }
            }
        }

        return pages;
    }

    public static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)?.Value ?? throw new Xunit.Sdk.XunitException($"{element.Name.LocalName} has no {attribute}"), CultureInfo.InvariantCulture);

    private static void Inside(XElement element, double width, double height)
    {
        var (x, y, w, h) = (Number(element, "HPOS"), Number(element, "VPOS"), Number(element, "WIDTH"), Number(element, "HEIGHT"));
        Assert.True(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= width && y + h <= height,
            $"{element.Name.LocalName} {element.Attribute("ID")?.Value} at {x},{y} {w}x{h} is not inside its {width}x{height} page");
    }
}
