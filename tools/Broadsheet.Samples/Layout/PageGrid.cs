namespace Broadsheet.Samples.Layout;

// The page and its column grid, five to nine columns. Pages are broadsheet, 350 x 500 mm (992 x 1417 pt); the body size is chosen so
// a column holds a whole number of Chinese characters, as typesetters set it.
internal sealed class PageGrid
{
    public const double PageWidth = 992;
    public const double PageHeight = 1417;
    public const double Margin = 40;
    public const double BottomMargin = 46;

    // Space between articles stacked one above the other (a rule may run in its middle).
    public const double StackGap = 14;

    public PageGrid(int columns)
    {
        Columns = columns;
        Gutter = columns >= 8 ? 12 : 14;
        ColumnWidth = (PageWidth - (2 * Margin) - ((columns - 1) * Gutter)) / columns;
        CharsPerLine = columns switch { <= 5 => 18, 6 => 15, 7 => 13, 8 => 11, _ => 10 };
        BodySize = ColumnWidth / CharsPerLine;
        LineHeight = Math.Round(BodySize * 1.42, 2);
    }

    public int Columns { get; }

    public double Gutter { get; }

    public double ColumnWidth { get; }

    public int CharsPerLine { get; }

    public double BodySize { get; }

    public double LineHeight { get; }

    // Where articles start, below the masthead or page header.
    public double ContentTop { get; set; } = 100;

    public double ContentBottom => PageHeight - BottomMargin;

    public double ColumnLeft(int column) => Margin + (column * (ColumnWidth + Gutter));

    public double ColumnRight(int column) => ColumnLeft(column) + ColumnWidth;

    public double SpanWidth(int first, int count) => ColumnRight(first + count - 1) - ColumnLeft(first);
}
