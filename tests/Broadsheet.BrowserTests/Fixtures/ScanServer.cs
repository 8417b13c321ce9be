using Broadsheet.Core;
using Broadsheet.Core.Model;
using Broadsheet.Core.Ports;
using Broadsheet.Data;
using Broadsheet.Imaging;
using Broadsheet.Ingest;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace Broadsheet.BrowserTests.Fixtures;

/// <summary>
/// An archive issue: one scanned page of 1933 (a JPEG with no text layer, made here: two stories set in a serif on
/// toned paper), imported as `broadsheet import` does, so the real OCR (Tesseract, the paper being English) reads it
/// and detection finds its articles in what OCR read.
/// </summary>
public sealed class ScanServer : BrowserServer
{
    public const string Slug = "gazette";
    public const string Date = "1933-06-29";

    /// <summary>The word searched for: it opens line 5 of the first story's first column, and is printed nowhere else.</summary>
    public const string Word = "breakwater";

    private const int Width = 1600;
    private const int Height = 2260;
    private const string Body = "Noto Serif CJK SC 19";
    private const string Display = "Noto Serif CJK SC Bold 34";

    private static readonly string[] LighthouseFirst =
    [
        "The keeper of the harbour light rowed out alone",
        "in the gale on Tuesday night and brought home",
        "all seven men of the schooner Mary Ellen, which",
        "had struck the rocks below the north point.",
        "breakwater lamps were out and the sea ran high,",
        "but the keeper knew the channel by heart and",
        "made three trips before the tide turned at two.",
        "The crew were given dry clothes and hot tea at",
        "the keeper's cottage, where his wife had kept",
        "the stove burning through the night for them.",
        "The schooner had sailed from Halifax on Monday",
        "with a cargo of timber bound for the south.",
    ];

    private static readonly string[] LighthouseSecond =
    [
        "Her captain said the compass failed an hour",
        "before the wreck and the light was their only",
        "guide in the dark. The owners have thanked the",
        "keeper and the town council will meet to give",
        "him a medal for his courage at the next sitting.",
        "The wreck lies on its side and will be broken",
        "up for salvage when the weather is fair again.",
        "Fishermen say the rocks have claimed four ships",
        "in ten years and ask for a second light there.",
        "The harbour master has written to the board to",
        "ask that a bell buoy be laid before the winter",
        "storms, and he expects an answer within a month.",
    ];

    private static readonly string[] BridgeFirst =
    [
        "The town council voted five to two on Monday",
        "evening to charge a toll of one cent on the new",
        "river bridge until the cost of building it has",
        "been paid. Farmers who cross each market day",
        "asked for a weekly ticket, and the mayor said",
        "the council would consider it at its next meeting.",
        "The bridge opens to traffic on the first of August.",
    ];

    private static readonly string[] BridgeSecond =
    [
        "Two members spoke against the toll, saying the",
        "old ferry had been free for forty years and the",
        "bridge was built for the good of every family.",
        "The treasurer answered that the loan must be",
        "repaid and a toll was the fairest way to do it.",
        "A public meeting is called for Friday at eight",
        "o'clock in the hall of the fire station.",
    ];

    /// <summary>Where <see cref="Word"/> is printed, in pixels of the page image (left, top, right, bottom).</summary>
    public static (double Left, double Top, double Right, double Bottom) WordBox { get; private set; }

    public static (int Width, int Height) PageSize => (Width, Height);

    protected override async Task BeforeStartAsync()
    {
        var folder = Path.Combine(Root, "uploads", Date);
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, "01.jpg"));

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddBroadsheetData(new DataFolder(DataPath))
            .AddBroadsheetImaging()
            .AddBroadsheetIngest(options => options.RasterWidth = Width)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<IEditionStore>().AddPublicationAsync(new Publication(Slug, "The Harbour Gazette", "en"));
        await services.GetRequiredService<EditionImporter>().ImportAsync(new ImportRequest
        {
            SourcePath = folder,
            PublicationSlug = Slug,
            Date = DateOnly.Parse(Date, System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>The scan: masthead, a rule, the lighthouse story over two columns, a rule, the bridge story.</summary>
    private static void Write(string path)
    {
        var ink = Image.Black(Width, Height);
        ink = Set(ink, "THE HARBOUR GAZETTE", "Noto Serif CJK SC Bold 40", 470, 50);
        ink = Set(ink, "Thursday, June 29, 1933          Price Two Cents", "Noto Serif CJK SC 14", 540, 140);
        ink = Rule(ink, 80, 190);
        ink = Set(ink, "LIGHTHOUSE KEEPER SAVES SCHOONER CREW", Display, 80, 230);
        ink = Column(ink, LighthouseFirst, 80, 330);
        ink = Column(ink, LighthouseSecond, 830, 330);
        ink = Rule(ink, 80, 900);
        ink = Set(ink, "Council Votes a Toll on the New Bridge", Display, 80, 940);
        ink = Column(ink, BridgeFirst, 80, 1040);
        ink = Column(ink, BridgeSecond, 830, 1040);

        using var word = Text(Word, Body);
        WordBox = (80, 330 + (4 * Leading), 80 + word.Width, 330 + (4 * Leading) + word.Height);

        // Toned newsprint, the ink a little soft, as a scan of a bound volume looks.
        using var paper = ink.Invert().Gaussblur(0.7);
        using var toned = paper.Bandjoin(paper, paper).Linear([0.94, 0.91, 0.84], [0, 0, 0]).Cast(Enums.BandFormat.Uchar);
        toned.Jpegsave(path, q: 85);
        ink.Dispose();
    }

    private const int Leading = 44;

    private static Image Column(Image ink, IReadOnlyList<string> lines, int left, int top)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            ink = Set(ink, lines[i], Body, left, top + (i * Leading));
        }

        return ink;
    }

    private static Image Set(Image ink, string text, string font, int left, int top)
    {
        using var mask = Text(text, font);
        var next = ink.Insert(mask, left, top);
        ink.Dispose();
        return next;
    }

    private static Image Text(string text, string font) =>
        Image.Text(System.Security.SecurityElement.Escape(text), font: font, dpi: 96);

    private static Image Rule(Image ink, int left, int top)
    {
        using var bar = Image.Black(Width - (2 * left), 3).Linear([1.0], [255.0]).Cast(Enums.BandFormat.Uchar);
        var next = ink.Insert(bar, left, top);
        ink.Dispose();
        return next;
    }
}
