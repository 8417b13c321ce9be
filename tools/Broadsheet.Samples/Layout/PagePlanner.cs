using Broadsheet.Samples.Text;

namespace Broadsheet.Samples.Layout;

// Divides a page's content area into article slots the way newspaper pages are built: an advertisement band at
// the foot, a column of briefs down one side, a lead story across the top, the rest cut into blocks along the
// column grid, and sometimes a small item set into the corner of a story, which makes that story L-shaped.
internal sealed class PagePlanner(PageGrid grid, TextGenerator text)
{
    private const int MinColumns = 2;
    private const double MinHeight = 170;
    private const double Gap = PageGrid.StackGap;

    private readonly List<Slot> _slots = [];
    private readonly List<LineOp> _rules = [];

    // photoNewsHeight: Height photo news needs at a width of so many columns.
    public PageLayout Plan(PageFeatures features, Func<int, double> photoNewsHeight)
    {
        var columns = grid.Columns;
        var top = grid.ContentTop;
        var bottom = grid.ContentBottom;
        var fixedCount = 1 + Count(features.Advert) + Count(features.Briefs) + Count(features.PhotoNews)
            + Count(features.LShape && !features.PhotoNews);
        var rest = Math.Max(0, features.ArticleCount - fixedCount);

        if (features.Advert)
        {
            var half = rest >= 1 && text.Chance(0.5);
            fixedCount += half ? 1 : 0;
            var adTop = bottom - (half ? text.Between(230, 300) : text.Between(180, 250));
            if (half)
            {
                var adColumns = columns / 2;
                var adFirst = text.Chance(0.6) ? columns - adColumns : 0;
                var partnerFirst = adFirst == 0 ? adColumns : 0;
                Add(SlotKind.Advertisement, adFirst, adColumns, adTop, bottom);
                Add(SlotKind.Story, partnerFirst, columns - adColumns, adTop, bottom);
                VerticalRule(Math.Max(adFirst, partnerFirst), adTop, bottom);
                rest--;
            }
            else
            {
                Add(SlotKind.Advertisement, 0, columns, adTop, bottom);
            }

            bottom = adTop - Gap;
            HorizontalRule(0, columns, bottom + (Gap / 2));
        }

        var first = 0;
        var count = columns;
        var briefsWidth = columns >= 8 ? 2 : 1 + Count(text.Chance(0.4));
        var briefsRight = text.Chance(0.6);
        var briefsFullHeight = features.Briefs && text.Chance(0.5);
        if (briefsFullHeight)
        {
            AddBriefs(briefsRight, briefsWidth, top, bottom, ref first, ref count);
        }

        var side = rest >= 1 && count >= 2 * MinColumns && text.Chance(0.55) ? 1 : 0;
        rest -= side;
        var regionHeight = bottom - top;
        var bandFraction = text.Between(0.36, 0.48);

        // However few articles were asked for, no block below the lead may fill more than a fifth of the page:
        // real pages are not one story poured into eight columns.
        var contentArea = grid.SpanWidth(0, columns) * (grid.ContentBottom - grid.ContentTop);
        var restArea = grid.SpanWidth(first, count) * regionHeight * (1 - bandFraction);
        var needed = (int)Math.Ceiling(restArea / (0.2 * contentArea));
        // At most five items are fixed (lead, advert and its neighbour, briefs, photo news) and one sits beside the
        // lead, so there is always room for at least one block below it.
        var guillotine = Math.Clamp(Math.Max(rest, needed), 1, 8 - fixedCount - side);
        var bandBottom = top + (regionHeight * bandFraction);
        var lead = side == 1 ? AddBandWithSide(first, count, top, bandBottom) : Add(SlotKind.Story, first, count, top, bandBottom);
        lead.Importance = 0;

        HorizontalRule(first, count, bandBottom + (Gap / 2));
        var restTop = bandBottom + Gap;
        if (features.Briefs && !briefsFullHeight)
        {
            AddBriefs(briefsRight, briefsWidth, restTop, bottom, ref first, ref count);
        }

        Split(first, count, restTop, bottom, Math.Min(guillotine, Capacity(count, bottom - restTop)));

        if (features.LShape || features.PhotoNews)
        {
            var kind = features.PhotoNews ? SlotKind.PhotoNews : SlotKind.Story;
            Func<int, Slot, double> height = kind == SlotKind.PhotoNews
                ? (cols, _) => photoNewsHeight(cols)
                : (_, slot) => slot.Height * text.Between(0.38, 0.52);
            var placed = (features.LShape && TryNotch(lead, kind, height))
                || (features.LShape && Stories().Where(s => s != lead).Any(s => TryNotch(s, kind, height)))
                || Stories().OrderBy(s => s.Count).Any(s => TryCarve(s, kind, height))
                || Stories().Any(s => TryNotch(s, kind, height));
            if (!placed && kind == SlotKind.PhotoNews)
            {
                // Last resort: a whole story slot becomes the photo news, the one it fits best.
                var host = Stories().Where(s => s != lead && !s.IsNotched)
                    .OrderByDescending(s => Math.Min(1, s.Height / photoNewsHeight(s.Count)))
                    .ThenBy(s => s.Area(grid))
                    .FirstOrDefault();
                host?.Kind = SlotKind.PhotoNews;
            }
        }

        foreach (var slot in Stories())
        {
            slot.Importance = slot == lead ? 0 : slot.Area(grid) > 0.16 * grid.SpanWidth(0, columns) * (grid.ContentBottom - grid.ContentTop) ? 1 : 2;
        }

        lead.JumpsOut = features.JumpsOut;
        if (features.Continuation)
        {
            var candidates = Stories().Where(s => s != lead && !s.JumpsOut && s.Height >= 200).ToList();
            (candidates.Count > 0 ? text.Pick(candidates) : lead).Continuation = true;
        }

        // Reading order: the lead first (even with a column of briefs to its left), then top to bottom, left to right.
        var ordered = _slots.OrderBy(s => s == lead ? 0 : 1).ThenBy(s => Math.Round(s.Top)).ThenBy(s => s.First).ToList();
        return new PageLayout(ordered, _rules);
    }

    private static int Count(bool b) => b ? 1 : 0;

    private IEnumerable<Slot> Stories() => _slots.Where(s => s.Kind == SlotKind.Story).ToList();

    private Slot Add(SlotKind kind, int first, int count, double top, double bottom)
    {
        var slot = new Slot(kind, first, count, top, bottom);
        _slots.Add(slot);
        return slot;
    }

    private void AddBriefs(bool right, int width, double top, double bottom, ref int first, ref int count)
    {
        var briefsFirst = right ? first + count - width : first;
        Add(SlotKind.Briefs, briefsFirst, width, top, bottom);
        VerticalRule(right ? briefsFirst : briefsFirst + width, top, bottom);
        count -= width;
        first = right ? first : first + width;
    }

    // The lead and a second story beside it in the top band; returns the lead.
    private Slot AddBandWithSide(int first, int count, double top, double bottom)
    {
        var leadColumns = Math.Clamp((int)Math.Round(count * text.Between(0.6, 0.75)), MinColumns, count - MinColumns);
        var leadLeft = text.Chance(0.7);
        var leadFirst = leadLeft ? first : first + count - leadColumns;
        var sideFirst = leadLeft ? first + leadColumns : first;
        var lead = Add(SlotKind.Story, leadFirst, leadColumns, top, bottom);
        Add(SlotKind.Story, sideFirst, count - leadColumns, top, bottom).Importance = 1;
        VerticalRule(leadLeft ? sideFirst : leadFirst, top, bottom);
        return lead;
    }

    private void Split(int first, int count, double top, double bottom, int n)
    {
        var height = bottom - top;
        var canSplitColumns = count >= 2 * MinColumns;
        var canSplitHeight = height >= (2 * MinHeight) + Gap;
        for (var attempt = 0; n > 1 && attempt < 40; attempt++)
        {
            var wide = grid.SpanWidth(first, count) / height > 1.3;
            if (canSplitColumns && (!canSplitHeight || text.Chance(wide ? 0.65 : 0.3)))
            {
                var left = text.Next(MinColumns, count - MinColumns + 1);
                var n1 = Math.Clamp((int)Math.Round(n * (double)left / count), 1, n - 1);
                if (Capacity(left, height) >= n1 && Capacity(count - left, height) >= n - n1)
                {
                    Split(first, left, top, bottom, n1);
                    Split(first + left, count - left, top, bottom, n - n1);
                    VerticalRule(first + left, top, bottom);
                    return;
                }
            }
            else if (canSplitHeight)
            {
                var n1 = text.Next(1, n);
                var fraction = Math.Clamp((double)n1 / n * text.Between(0.85, 1.15), 0.2, 0.8);
                var cut = top + ((height - Gap) * fraction);
                var upper = cut - top;
                var lower = bottom - cut - Gap;
                if (upper >= MinHeight && lower >= MinHeight && Capacity(count, upper) >= n1 && Capacity(count, lower) >= n - n1)
                {
                    Split(first, count, top, cut, n1);
                    Split(first, count, cut + Gap, bottom, n - n1);
                    HorizontalRule(first, count, cut + (Gap / 2));
                    return;
                }
            }
        }

        Add(SlotKind.Story, first, count, top, bottom);
    }

    private static int Capacity(int columns, double height) =>
        columns / MinColumns * (int)((height + Gap) / (MinHeight + Gap));

    // Sets a new slot into the bottom corner of host, which becomes L-shaped.
    private bool TryNotch(Slot host, SlotKind kind, Func<int, Slot, double> height)
    {
        if (host.Count < 2 * MinColumns || host.IsNotched || host.Height < 320)
        {
            return false;
        }

        var widths = Enumerable.Range(MinColumns, Math.Min(host.Count - MinColumns, (host.Count / 2) + 1) - MinColumns + 1).ToArray();
        text.Random.Shuffle(widths);
        var onLeft = text.Chance(0.5);
        foreach (var width in widths)
        {
            var notchHeight = height(width, host);
            var notchTop = host.Bottom - notchHeight;
            if (notchHeight < 150 || notchTop - Gap - host.Top < 190)
            {
                continue;
            }

            var first = onLeft ? host.First : host.First + host.Count - width;
            for (var i = first - host.First; i < first - host.First + width; i++)
            {
                host.Bottoms[i] = notchTop - Gap;
            }

            Add(kind, first, width, notchTop, host.Bottom);
            HorizontalRule(first, width, notchTop - (Gap / 2));
            VerticalRule(onLeft ? first + width : first, notchTop - (Gap / 2), host.Bottom);
            return true;
        }

        return false;
    }

    // Cuts a new slot off the bottom of host, across its full width.
    private bool TryCarve(Slot host, SlotKind kind, Func<int, Slot, double> height)
    {
        if (host.IsNotched || host.Count > 4)
        {
            return false;
        }

        var carveHeight = height(host.Count, host);
        var carveTop = host.Bottom - carveHeight;
        if (carveHeight < 150 || carveTop - Gap - host.Top < MinHeight)
        {
            return false;
        }

        var bottom = host.Bottom;
        Array.Fill(host.Bottoms, carveTop - Gap);
        Add(kind, host.First, host.Count, carveTop, bottom);
        HorizontalRule(host.First, host.Count, carveTop - (Gap / 2));
        return true;
    }

    private void HorizontalRule(int first, int count, double y) =>
        _rules.Add(new LineOp(grid.ColumnLeft(first), y, grid.ColumnRight(first + count - 1), y, 0.6, Ink.Rule));

    // A rule in the gutter to the left of column.
    private void VerticalRule(int column, double top, double bottom)
    {
        var x = grid.ColumnLeft(column) - (grid.Gutter / 2);
        _rules.Add(new LineOp(x, top, x, bottom, 0.6, Ink.Rule));
    }
}
