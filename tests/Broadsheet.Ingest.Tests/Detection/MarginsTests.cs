using Broadsheet.Ingest.Detection;
using Broadsheet.Ingest.Text;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class MarginsTests
{
    [Fact]
    public void A_column_narrowed_beside_a_photo_has_its_own_margin_so_only_real_indents_start_paragraphs()
    {
        // A 10 pt column at x 40 to 220; beside a photo (lines 4 to 6) it starts at x 100, and line 4 opens a
        // paragraph two ems in from that edge; below the photo it is full width again.
        List<TextLine> lines =
        [
            Line("indented first line", 10, 60, 100, width: 160),
            Line("full line", 10, 40, 114, width: 180),
            Line("full line", 10, 40, 128, width: 180),
            Line("short last line", 10, 40, 142, width: 110),
            Line("indented beside the photo", 10, 120, 156, width: 100),
            Line("beside the photo", 10, 100, 170, width: 120),
            Line("beside the photo", 10, 100, 184, width: 120),
            Line("full line below the photo", 10, 40, 198, width: 180),
        ];

        var margins = Margins.Of(lines);

        Assert.Equal([40, 40, 40, 40, 100, 100, 100, 40], margins.Select(m => m.Left));
        Assert.Equal(220, margins[3].Right);
        Assert.Equal(220, margins[5].Right);
    }

    [Fact]
    public void No_lines_no_margins()
    {
        Assert.Empty(Margins.Of([]));
    }
}
