using System.Buffers;
using Broadsheet.Core.Model;
using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>
/// Turns the boxes an article is made of (its title, one box per column, its photos) into rectilinear
/// polygons: the union of the boxes with the gutters and gaps between them closed, so a story set in an
/// L is one L-shaped region, not a box per column. Works on a raster of the boxes (one cell per point
/// or coarser), which makes the closing and the outline simple and exact for axis-aligned boxes.
/// </summary>
internal static class RegionOutline
{
    /// <summary>At most this many cells along the longer side of the raster.</summary>
    private const int MaxCells = 800;

    /// <summary>Cells are at least this many points wide: finer than any gap between articles.</summary>
    private const double MinCell = 1.5;

    /// <param name="boxes">Boxes in page points.</param>
    /// <param name="gap">Gaps up to twice this wide (points) between boxes are closed.</param>
    /// <param name="pageWidth">Page width in points, to normalise.</param>
    /// <param name="pageHeight">Page height in points, to normalise.</param>
    /// <param name="obstacles">
    /// When given, the empty space inside the boxes' bounding box (the foot of a column that ran short, the
    /// blank beside a narrow column under a wide head) is filled too, except within <paramref name="gap"/> of
    /// these: the parts of other articles.
    /// </param>
    public static IReadOnlyList<Polygon> Outline(IReadOnlyList<PageBox> boxes, double gap, double pageWidth, double pageHeight, IReadOnlyList<PageBox>? obstacles = null)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var usable = boxes.Where(b => b.Width > 0 && b.Height > 0).ToList();
        if (usable.Count == 0)
        {
            return [];
        }

        var blocked = (obstacles ?? []).Select(o => o.Inflate(gap, gap)).ToList();

        var bounds = PageBox.Bounding(usable).Inflate(gap + 2, gap + 2);
        var cell = Math.Max(MinCell, Math.Max(bounds.Width, bounds.Height) / MaxCells);
        var grid = new Grid((int)Math.Ceiling(bounds.Width / cell) + 1, (int)Math.Ceiling(bounds.Height / cell) + 1);
        foreach (var box in usable)
        {
            grid.Fill(
                (int)Math.Floor((box.Left - bounds.Left) / cell),
                (int)Math.Floor((box.Top - bounds.Top) / cell),
                (int)Math.Ceiling((box.Right - bounds.Left) / cell),
                (int)Math.Ceiling((box.Bottom - bounds.Top) / cell));
        }

        var radius = (int)Math.Ceiling(gap / cell);
        grid = Next(grid, grid.Dilate(radius));
        grid = Next(grid, grid.FillHoles());
        grid = Next(grid, grid.Erode(radius));
        if (obstacles is not null)
        {
            var own = PageBox.Bounding(usable);
            using var free = new Grid(grid.Width, grid.Height);
            free.Fill(Cell(own.Left - bounds.Left, cell, floor: true), Cell(own.Top - bounds.Top, cell, floor: true), Cell(own.Right - bounds.Left, cell, floor: false), Cell(own.Bottom - bounds.Top, cell, floor: false));
            foreach (var o in blocked)
            {
                free.Clear(Cell(o.Left - bounds.Left, cell, floor: true), Cell(o.Top - bounds.Top, cell, floor: true), Cell(o.Right - bounds.Left, cell, floor: false), Cell(o.Bottom - bounds.Top, cell, floor: false));
            }

            grid = Next(grid, grid.UnionConnected(free));
            grid = Next(grid, grid.FillHoles());
        }

        using var outlined = grid;
        // Closing a union of boxes only makes edges the boxes already had, so corners snap back to them
        // exactly, undoing the raster's rounding.
        var edges = usable.Concat(blocked).ToList();
        var xs = edges.SelectMany(b => new[] { b.Left, b.Right }).Distinct().Order().ToArray();
        var ys = edges.SelectMany(b => new[] { b.Top, b.Bottom }).Distinct().Order().ToArray();
        return [.. grid.Outlines()
            .Select(loop => new Polygon(loop.Select(p => new NormalisedPoint(
                Math.Clamp(Snap(bounds.Left + (p.X * cell), xs, cell) / pageWidth, 0, 1),
                Math.Clamp(Snap(bounds.Top + (p.Y * cell), ys, cell) / pageHeight, 0, 1)))))
            .OrderByDescending(p => p.Area)];
    }

    /// <summary>Gives <paramref name="done"/>'s cells back to the pool and goes on with <paramref name="next"/>.</summary>
    private static Grid Next(Grid done, Grid next)
    {
        done.Dispose();
        return next;
    }

    /// <summary>A pooled array of at least <paramref name="length"/> items, the first <paramref name="length"/> of them cleared.</summary>
    private static T[] Rent<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        Array.Clear(array, 0, length);
        return array;
    }

    private static int Cell(double points, double cell, bool floor) =>
        floor ? (int)Math.Floor(points / cell) : (int)Math.Ceiling(points / cell);

    private static double Snap(double value, double[] edges, double tolerance)
    {
        var index = Array.BinarySearch(edges, value);
        if (index >= 0)
        {
            return edges[index];
        }

        index = ~index;
        var best = value;
        var distance = tolerance * 1.01;
        foreach (var candidate in new[] { index - 1, index })
        {
            if (candidate >= 0 && candidate < edges.Length && Math.Abs(edges[candidate] - value) < distance)
            {
                best = edges[candidate];
                distance = Math.Abs(edges[candidate] - value);
            }
        }

        return best;
    }

    /// <summary>
    /// A bitmap; cell (x, y) covers [x, x+1) × [y, y+1). Its cells (about half a megabyte for an article a quarter
    /// of a page in size, and each step makes a new grid) come from a pool and go back on Dispose: allocated anew,
    /// they were a third of everything an import allocated, all of it on the large object heap, and drove its
    /// full collections.
    /// </summary>
    private sealed class Grid(int width, int height) : IDisposable
    {
        private readonly bool[] _cells = Rent<bool>(width * height);

        private int Count => width * height;

        public int Width => width;

        public int Height => height;

        public void Dispose() => ArrayPool<bool>.Shared.Return(_cells);

        public bool this[int x, int y]
        {
            get => x >= 0 && y >= 0 && x < width && y < height && _cells[(y * width) + x];
            set => _cells[(y * width) + x] = value;
        }

        public void Fill(int left, int top, int right, int bottom)
        {
            for (var y = Math.Max(0, top); y < Math.Min(height, bottom); y++)
            {
                for (var x = Math.Max(0, left); x < Math.Min(width, right); x++)
                {
                    this[x, y] = true;
                }
            }
        }

        public void Clear(int left, int top, int right, int bottom)
        {
            for (var y = Math.Max(0, top); y < Math.Min(height, bottom); y++)
            {
                for (var x = Math.Max(0, left); x < Math.Min(width, right); x++)
                {
                    this[x, y] = false;
                }
            }
        }

        /// <summary>
        /// This grid with the parts of <paramref name="other"/> that touch it (4-connected) added. A flood from every
        /// filled cell on one array used as a stack (each cell enters it once): this ran for every article of a page,
        /// and with a queue and four neighbours allocated per cell it was the dearest step of the detection.
        /// </summary>
        public Grid UnionConnected(Grid other)
        {
            var result = new Grid(width, height);
            var cells = result._cells;
            var free = other._cells;
            var stack = Rent<int>(Count);
            var top = 0;
            for (var i = 0; i < Count; i++)
            {
                if (_cells[i])
                {
                    cells[i] = true;
                    stack[top++] = i;
                }
            }

            while (top > 0)
            {
                var i = stack[--top];
                var x = i % width;
                if (x > 0)
                {
                    Visit(i - 1);
                }

                if (x < width - 1)
                {
                    Visit(i + 1);
                }

                if (i >= width)
                {
                    Visit(i - width);
                }

                if (i + width < Count)
                {
                    Visit(i + width);
                }
            }

            ArrayPool<int>.Shared.Return(stack);
            return result;

            void Visit(int n)
            {
                if (!cells[n] && free[n])
                {
                    cells[n] = true;
                    stack[top++] = n;
                }
            }
        }

        public Grid Dilate(int r) => Morph(r, dilate: true);

        public Grid Erode(int r) => Morph(r, dilate: false);

        /// <summary>
        /// Square structuring element, done as a horizontal then a vertical pass with running counts, so
        /// the cost does not grow with the radius. Outside the grid counts as empty.
        /// </summary>
        private Grid Morph(int r, bool dilate)
        {
            var result = new Grid(width, height);
            if (r <= 0)
            {
                Array.Copy(_cells, result._cells, Count);
                return result;
            }

            using var horizontal = new Grid(width, height);
            Pass(_cells, horizontal._cells, width, height, 1, width, r, dilate);
            Pass(horizontal._cells, result._cells, height, width, width, 1, r, dilate);
            return result;
        }

        /// <summary>One pass along lines of <paramref name="length"/> cells, <paramref name="step"/> apart, lines <paramref name="stride"/> apart.</summary>
        private static void Pass(bool[] source, bool[] target, int length, int lines, int step, int stride, int r, bool dilate)
        {
            var prefix = new int[length + 1];
            var window = (2 * r) + 1;
            for (var line = 0; line < lines; line++)
            {
                var origin = line * stride;
                for (var i = 0; i < length; i++)
                {
                    prefix[i + 1] = prefix[i] + (source[origin + (i * step)] ? 1 : 0);
                }

                for (var i = 0; i < length; i++)
                {
                    var filled = prefix[Math.Min(length, i + r + 1)] - prefix[Math.Max(0, i - r)];
                    target[origin + (i * step)] = dilate ? filled > 0 : filled == window;
                }
            }
        }

        public Grid FillHoles()
        {
            // Flood the empty cells reachable from the border; every other cell is inside.
            var result = new Grid(width, height);
            var inside = result._cells;
            Array.Fill(inside, true, 0, Count);
            var stack = Rent<int>(Count);
            var top = 0;
            void Seed(int x, int y)
            {
                var i = (y * width) + x;
                if (!_cells[i] && inside[i])
                {
                    inside[i] = false;
                    stack[top++] = i;
                }
            }

            for (var x = 0; x < width; x++)
            {
                Seed(x, 0);
                Seed(x, height - 1);
            }

            for (var y = 0; y < height; y++)
            {
                Seed(0, y);
                Seed(width - 1, y);
            }

            while (top > 0)
            {
                var i = stack[--top];
                var (x, y) = (i % width, i / width);
                if (x > 0)
                {
                    Seed(x - 1, y);
                }

                if (x < width - 1)
                {
                    Seed(x + 1, y);
                }

                if (y > 0)
                {
                    Seed(x, y - 1);
                }

                if (y < height - 1)
                {
                    Seed(x, y + 1);
                }
            }

            ArrayPool<int>.Shared.Return(stack);
            return result;
        }

        /// <summary>
        /// The outer boundary of each filled component, as corner points in grid units, clockwise on screen.
        /// Boundary edges are directed with the filled side on the right and chained; where two loops touch
        /// at a corner the chain turns right, which keeps diagonal neighbours apart.
        /// </summary>
        public IEnumerable<List<(int X, int Y)>> Outlines()
        {
            var next = new Dictionary<(int X, int Y), List<(int X, int Y)>>();
            void Edge((int X, int Y) from, (int X, int Y) to)
            {
                if (!next.TryGetValue(from, out var list))
                {
                    next[from] = list = [];
                }

                list.Add(to);
            }

            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    if (!this[x, y])
                    {
                        continue;
                    }

                    if (!this[x, y - 1])
                    {
                        Edge((x, y), (x + 1, y));
                    }

                    if (!this[x + 1, y])
                    {
                        Edge((x + 1, y), (x + 1, y + 1));
                    }

                    if (!this[x, y + 1])
                    {
                        Edge((x + 1, y + 1), (x, y + 1));
                    }

                    if (!this[x - 1, y])
                    {
                        Edge((x, y + 1), (x, y));
                    }
                }
            }

            while (next.Count > 0)
            {
                var start = next.Keys.OrderBy(k => k.Y).ThenBy(k => k.X).First();
                var loop = new List<(int X, int Y)> { start };
                var previous = start;
                var current = Take(next, start, null);
                while (current != start)
                {
                    loop.Add(current);
                    var heading = (current.X - previous.X, current.Y - previous.Y);
                    previous = current;
                    current = Take(next, current, heading);
                }

                var corners = Simplify(loop);
                if (corners.Count >= 4)
                {
                    yield return corners;
                }
            }
        }

        private static (int X, int Y) Take(Dictionary<(int X, int Y), List<(int X, int Y)>> next, (int X, int Y) from, (int DX, int DY)? heading)
        {
            var options = next[from];
            var index = 0;
            if (options.Count > 1 && heading is { } h)
            {
                // Turning right on screen (y down) from heading (dx, dy) is (-dy, dx).
                var right = (-h.DY, h.DX);
                index = Math.Max(0, options.FindIndex(o => (o.X - from.X, o.Y - from.Y) == right));
            }

            var to = options[index];
            options.RemoveAt(index);
            if (options.Count == 0)
            {
                next.Remove(from);
            }

            return to;
        }

        private static List<(int X, int Y)> Simplify(List<(int X, int Y)> loop)
        {
            var corners = new List<(int X, int Y)>();
            for (var i = 0; i < loop.Count; i++)
            {
                var a = loop[(i + loop.Count - 1) % loop.Count];
                var b = loop[i];
                var c = loop[(i + 1) % loop.Count];
                var collinear = (a.X == b.X && b.X == c.X) || (a.Y == b.Y && b.Y == c.Y);
                if (!collinear)
                {
                    corners.Add(b);
                }
            }

            return corners;
        }
    }
}
