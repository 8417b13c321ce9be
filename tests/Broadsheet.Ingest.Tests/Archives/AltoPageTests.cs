using Broadsheet.Ingest.Archives.Alto;
using Broadsheet.Ingest.Tests.Support;

namespace Broadsheet.Ingest.Tests.Archives;

/// <summary>ALTO as libraries' vendors write it: versions 1 to 4, prefixed namespaces, three units, hyphenation.</summary>
public sealed class AltoPageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string xml, string name = "0001.xml")
    {
        var path = _temp.PathOf(name);
        File.WriteAllText(path, xml);
        return path;
    }

    public static TheoryData<string, string?, string, double> Variants => new()
    {
        { AltoXml.V1, null, "pixel", 1 },
        { AltoXml.Ccs, null, "inch1200", 22204.0 / 2000 },
        { AltoXml.V2, "alto", "mm10", 0.8467 },
        { AltoXml.V3, null, "pixel", 2.7755 },
        { AltoXml.V4, "a", "inch1200", 4 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Words_land_where_they_are_printed_on_an_image_of_any_resolution(string ns, string? prefix, string unit, double scale)
    {
        var page = AltoPage.Read(Write(AltoXml.Page(ns, prefix, unit, scale)), "0001.xml");

        // The same page scanned at half the reference resolution: boxes follow the ALTO page's own size.
        var read = AltoOcr.ToOcr(page, 1000, 1414);

        Assert.Equal(unit, page.Unit);
        Assert.Equal(49, read.Lines.Count);
        var headline = read.Lines[0];
        Assert.Equal("Flood defences hold as river peaks", headline.Text);
        Assert.InRange(headline.Box.Left, 49, 51);
        Assert.InRange(headline.Box.Top, 99, 101);
        Assert.InRange(headline.TypeSize, 29, 31);
        var second = read.Lines.First(l => l.Text.StartsWith("Line 1 of column 2", StringComparison.Ordinal));
        Assert.InRange(second.Words[0].Box.Left, 489, 491);
        Assert.Equal(2, second.Block);
    }

    [Fact]
    public void A_word_hyphenated_across_lines_is_read_whole_on_its_first_line()
    {
        var page = AltoPage.Read(Write(AltoXml.Page(AltoXml.V3, null, "pixel", 1)), "0001.xml");

        var lines = page.Blocks[1].Lines.Select(l => l.Text).ToList();

        Assert.Equal("Engineers said the barriers continued", lines[3]);
        Assert.Equal("to hold through the night and more", lines[4]);
    }

    public static TheoryData<string, string> BadAlto => new()
    {
        { "<html><body>not ALTO</body></html>", "0001.xml: not ALTO (its root is <html>)" },
        { "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Layout><Page ID=\"P1\"", "0001.xml: not well-formed XML" },
        { "%PDF-1.7 binary", "0001.xml: not well-formed XML" },
        { "<?xml version=\"1.0\"?><!DOCTYPE alto [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><alto>&x;</alto>", "0001.xml: declares a DTD or entities, which are refused" },
        { "<alto><Description><MeasurementUnit>furlong</MeasurementUnit></Description><Layout><Page WIDTH=\"1\" HEIGHT=\"1\"/></Layout></alto>", "0001.xml: MeasurementUnit 'furlong' is not pixel, mm10 or inch1200" },
        { "<alto><Layout><Page ID=\"P1\"><PrintSpace/></Page></Layout></alto>", "0001.xml: the ALTO <Page> has no WIDTH and HEIGHT" },
    };

    [Theory]
    [MemberData(nameof(BadAlto))]
    public void Bad_alto_is_refused_in_one_line_naming_the_file(string xml, string message)
    {
        var refused = Assert.Throws<ImportException>(() => AltoPage.Read(Write(xml), "0001.xml"));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }
}
