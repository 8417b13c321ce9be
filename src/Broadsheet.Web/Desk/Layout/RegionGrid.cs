using Broadsheet.Core.Model;

namespace Broadsheet.Web.Desk.Layout;

/// <summary>
/// Regions of a page as a grid of cells (<see cref="Size"/> a side, in the page's 0..1 coordinates), for what
/// polygons cannot do simply: add a block of text to an article's region, take it out of another's, measure
/// how much two articles overlap, and turn the result back into outlines (rectilinear, one per piece; a piece
/// with a hole is one outline that runs in to the hole along a cut of no width and round it the other way, so
/// point-in-polygon tests and SVG fills leave the hole out).
/// </summary>
internal sealed class RegionGrid
{
    public const int Size = 500;
    private readonly bool[] _cells = new bool[Size * Size];

    public static RegionGrid Of(IEnumerable<Polygon> polygons)
    {
        var grid = new RegionGrid();
        foreach (var polygon in polygons)
        {
            grid.Add(polygon);
        }

        return grid;
    }

    public bool IsEmpty => !Array.Exists(_cells, c => c);

    /// <summary>The share of the page the region covers.</summary>
    public double Area => _cells.Count(c => c) / (double)(Size * Size);

    public void Add(Polygon polygon) => Fill(polygon, true);

    public void Subtract(Polygon polygon) => Fill(polygon, false);

    public void Add(Box box) => Fill(box, true);

    /// <summary>Takes every cell of <paramref name="other"/> out of this region.</summary>
    public void Subtract(RegionGrid other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _cells.Length; i++)
        {
            _cells[i] &= !other._cells[i];
        }
    }

    public void Subtract(Box box) => Fill(box, false);

    /// <summary>The share of the page both regions cover.</summary>
    public double Overlap(RegionGrid other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var both = 0;
        for (var i = 0; i < _cells.Length; i++)
        {
            if (_cells[i] && other._cells[i])
            {
                both++;
            }
        }

        return both / (double)(Size * Size);
    }

    /// <summary>The cells both regions cover, as a region of its own.</summary>
    public RegionGrid Intersect(RegionGrid other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var both = new RegionGrid();
        for (var i = 0; i < _cells.Length; i++)
        {
            both._cells[i] = _cells[i] && other._cells[i];
        }

        return both;
    }

    /// <summary>The share of <paramref name="box"/> the region covers.</summary>
    public double Covers(Box box)
    {
        var (c0, r0, c1, r1) = Cells(box);
        var total = 0;
        var covered = 0;
        for (var r = r0; r < r1; r++)
        {
            for (var c = c0; c < c1; c++)
            {
                total++;
                if (_cells[(r * Size) + c])
                {
                    covered++;
                }
            }
        }

        return total == 0 ? (Contains(box.CenterX, box.CenterY) ? 1 : 0) : covered / (double)total;
    }

    public bool Contains(double x, double y)
    {
        var c = Math.Clamp((int)(x * Size), 0, Size - 1);
        var r = Math.Clamp((int)(y * Size), 0, Size - 1);
        return _cells[(r * Size) + c];
    }

    /// <summary>The region as outlines: one polygon per piece (bands of rectangles for a piece with a hole); pieces of a few cells are dropped.</summary>
    public IReadOnlyList<Polygon> ToPolygons()
    {
        var component = new int[_cells.Length];
        var polygons = new List<Polygon>();
        var next = 0;
        for (var i = 0; i < _cells.Length; i++)
        {
            if (!_cells[i] || component[i] != 0)
            {
                continue;
            }

            next++;
            var cells = Flood(i, next, component);
            if (cells.Count < 6)
            {
                continue;
            }

            polygons.Add(Outline(cells, next, component));
        }

        return polygons;
    }

    private void Fill(Polygon polygon, bool value)
    {
        var points = polygon.Points;
        var crossings = new List<double>();
        for (var r = 0; r < Size; r++)
        {
            var y = (r + 0.5) / Size;
            crossings.Clear();
            for (int i = 0, j = points.Count - 1; i < points.Count; j = i++)
            {
                var (a, b) = (points[j], points[i]);
                if ((a.Y > y) != (b.Y > y))
                {
                    crossings.Add(a.X + ((y - a.Y) * (b.X - a.X) / (b.Y - a.Y)));
                }
            }

            crossings.Sort();
            for (var k = 0; k + 1 < crossings.Count; k += 2)
            {
                var from = Math.Max(0, (int)Math.Ceiling((crossings[k] * Size) - 0.5));
                var to = Math.Min(Size - 1, (int)Math.Floor((crossings[k + 1] * Size) - 0.5));
                for (var c = from; c <= to; c++)
                {
                    _cells[(r * Size) + c] = value;
                }
            }
        }
    }

    private void Fill(Box box, bool value)
    {
        var (c0, r0, c1, r1) = Cells(box);
        for (var r = r0; r < r1; r++)
        {
            for (var c = c0; c < c1; c++)
            {
                _cells[(r * Size) + c] = value;
            }
        }
    }

    /// <summary>The cells whose centres lie in <paramref name="box"/>: columns c0..c1 and rows r0..r1, ends excluded.</summary>
    private static (int C0, int R0, int C1, int R1) Cells(Box box) =>
        (Math.Clamp((int)Math.Ceiling((box.Left * Size) - 0.5), 0, Size), Math.Clamp((int)Math.Ceiling((box.Top * Size) - 0.5), 0, Size),
         Math.Clamp((int)Math.Floor((box.Right * Size) - 0.5) + 1, 0, Size), Math.Clamp((int)Math.Floor((box.Bottom * Size) - 0.5) + 1, 0, Size));

    private List<int> Flood(int start, int id, int[] component)
    {
        var cells = new List<int>();
        var stack = new Stack<int>();
        stack.Push(start);
        component[start] = id;
        while (stack.Count > 0)
        {
            var cell = stack.Pop();
            cells.Add(cell);
            var (r, c) = Math.DivRem(cell, Size);
            foreach (var (nr, nc) in new[] { (r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1) })
            {
                if (nr >= 0 && nr < Size && nc >= 0 && nc < Size && _cells[(nr * Size) + nc] && component[(nr * Size) + nc] == 0)
                {
                    component[(nr * Size) + nc] = id;
                    stack.Push((nr * Size) + nc);
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The piece's outline: its boundary walked along cell edges with the piece on the right (hugging it where two
    /// cells touch at a corner), every hole's boundary walked the other way and joined to the outline by a cut from
    /// its nearest corner.
    /// </summary>
    private static Polygon Outline(List<int> cells, int id, int[] component)
    {
        bool In(int r, int c) => r >= 0 && r < Size && c >= 0 && c < Size && component[(r * Size) + c] == id;
        var edges = new Dictionary<(int X, int Y), List<(int X, int Y)>>();
        void Edge((int X, int Y) from, (int X, int Y) to)
        {
            if (!edges.TryGetValue(from, out var list))
            {
                edges[from] = list = [];
            }

            list.Add(to);
        }

        foreach (var cell in cells)
        {
            var (r, c) = Math.DivRem(cell, Size);
            if (!In(r - 1, c))
            {
                Edge((c, r), (c + 1, r));
            }

            if (!In(r, c + 1))
            {
                Edge((c + 1, r), (c + 1, r + 1));
            }

            if (!In(r + 1, c))
            {
                Edge((c + 1, r + 1), (c, r + 1));
            }

            if (!In(r, c - 1))
            {
                Edge((c, r + 1), (c, r));
            }
        }

        // The first loop, from the top-left corner, is the outline; any left are holes.
        var loops = new List<List<(int X, int Y)>>();
        while (edges.Count > 0)
        {
            loops.Add(Corners(Walk(edges, edges.Keys.OrderBy(v => v.Y).ThenBy(v => v.X).First())));
        }

        var ring = loops[0];
        foreach (var hole in loops.Skip(1))
        {
            var (at, to) = ring.SelectMany((o, i) => hole.Select((h, j) => (i, j, Distance: Math.Abs(o.X - h.X) + Math.Abs(o.Y - h.Y))))
                .MinBy(x => x.Distance) is var nearest ? (nearest.i, nearest.j) : (0, 0);
            var round = hole.Skip(to).Concat(hole.Take(to)).Append(hole[to]);
            ring.InsertRange(at + 1, round.Append(ring[at]));
        }

        return new Polygon(ring.Select(p => new NormalisedPoint(p.X / (double)Size, p.Y / (double)Size)));
    }

    private static List<(int X, int Y)> Walk(Dictionary<(int X, int Y), List<(int X, int Y)>> edges, (int X, int Y) start)
    {
        var points = new List<(int X, int Y)> { start };
        var at = start;
        var direction = (X: 1, Y: 0);
        while (true)
        {
            var options = edges[at];
            var pick = options.Count == 1 ? options[0] : options.OrderBy(o => Turn(direction, (o.X - at.X, o.Y - at.Y))).First();
            options.Remove(pick);
            if (options.Count == 0)
            {
                edges.Remove(at);
            }

            direction = (pick.X - at.X, pick.Y - at.Y);
            at = pick;
            if (at == start)
            {
                return points;
            }

            points.Add(at);
        }
    }

    /// <summary>The loop's corners only: points where it turns.</summary>
    private static List<(int X, int Y)> Corners(List<(int X, int Y)> points) =>
        [.. points.Where((p, i) =>
        {
            var before = points[(i + points.Count - 1) % points.Count];
            var after = points[(i + 1) % points.Count];
            return (p.X - before.X) * (after.Y - p.Y) != (p.Y - before.Y) * (after.X - p.X);
        })];

    /// <summary>0 for a right turn (in page coordinates, y down), 1 straight on, 2 left.</summary>
    private static int Turn((int X, int Y) from, (int X, int Y) to) =>
        (-from.Y, from.X) == to ? 0 : from == to ? 1 : 2;
}
