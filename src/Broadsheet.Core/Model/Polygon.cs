using System.Globalization;
using System.Text;

namespace Broadsheet.Core.Model;

/// <summary>A point in page coordinates normalised to 0..1 (0,0 is the top-left corner of the page).</summary>
public readonly record struct NormalisedPoint(double X, double Y);

/// <summary>
/// A closed polygon on a page in normalised coordinates, independent of any image size.
/// Articles usually get rectilinear polygons (an L-shaped article has an L-shaped region).
/// </summary>
public sealed class Polygon : IEquatable<Polygon>
{
    private const double Tolerance = 1e-9;
    private readonly NormalisedPoint[] _points;

    public Polygon(IEnumerable<NormalisedPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        _points = [.. points];
        if (_points.Length < 3)
        {
            throw new DomainException($"A region needs at least 3 points, not {_points.Length}.");
        }

        foreach (var p in _points)
        {
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y)
                || p.X < -Tolerance || p.X > 1 + Tolerance || p.Y < -Tolerance || p.Y > 1 + Tolerance)
            {
                throw new DomainException(
                    string.Create(CultureInfo.InvariantCulture, $"Region point ({p.X:0.####}, {p.Y:0.####}) lies outside the page (0..1)."));
            }
        }
    }

    public IReadOnlyList<NormalisedPoint> Points => _points;

    /// <summary>An axis-aligned rectangle from its left, top, right and bottom edges.</summary>
    public static Polygon Rectangle(double left, double top, double right, double bottom) =>
        new([new(left, top), new(right, top), new(right, bottom), new(left, bottom)]);

    /// <summary>Area by the shoelace formula, as a fraction of the page.</summary>
    public double Area
    {
        get
        {
            double sum = 0;
            for (var i = 0; i < _points.Length; i++)
            {
                var a = _points[i];
                var b = _points[(i + 1) % _points.Length];
                sum += (a.X * b.Y) - (b.X * a.Y);
            }

            return Math.Abs(sum) / 2;
        }
    }

    public (double Left, double Top, double Right, double Bottom) Bounds =>
        (_points.Min(p => p.X), _points.Min(p => p.Y), _points.Max(p => p.X), _points.Max(p => p.Y));

    /// <summary>
    /// The same outline without repeated corners and without corners that lie on the straight line between their
    /// neighbours; itself when nothing is to be dropped or fewer than 3 corners would remain.
    /// </summary>
    public Polygon Simplified()
    {
        const double Same = 1e-6;
        var points = new List<NormalisedPoint>(_points.Length);
        foreach (var p in _points)
        {
            if (points.Count == 0 || Math.Abs(points[^1].X - p.X) > Same || Math.Abs(points[^1].Y - p.Y) > Same)
            {
                points.Add(p);
            }
        }

        while (points.Count > 1 && Math.Abs(points[0].X - points[^1].X) <= Same && Math.Abs(points[0].Y - points[^1].Y) <= Same)
        {
            points.RemoveAt(points.Count - 1);
        }

        for (var changed = true; changed && points.Count > 3;)
        {
            changed = false;
            for (var i = 0; i < points.Count && points.Count > 3; i++)
            {
                var a = points[(i + points.Count - 1) % points.Count];
                var b = points[i];
                var c = points[(i + 1) % points.Count];
                var cross = ((b.X - a.X) * (c.Y - a.Y)) - ((b.Y - a.Y) * (c.X - a.X));
                if (Math.Abs(cross) <= 1e-9)
                {
                    points.RemoveAt(i);
                    changed = true;
                    i--;
                }
            }
        }

        return points.Count >= 3 && points.Count < _points.Length ? new Polygon(points) : this;
    }

    /// <summary>Ray-casting point-in-polygon test.</summary>
    public bool Contains(double x, double y)
    {
        var inside = false;
        for (int i = 0, j = _points.Length - 1; i < _points.Length; j = i++)
        {
            var pi = _points[i];
            var pj = _points[j];
            if ((pi.Y > y) != (pj.Y > y) && x < ((pj.X - pi.X) * (y - pi.Y) / (pj.Y - pi.Y)) + pi.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Compact text form "x,y x,y …" with invariant culture, as stored and sent over the API.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var p in _points)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(CultureInfo.InvariantCulture, $"{Math.Round(p.X, 5)},{Math.Round(p.Y, 5)}");
        }

        return sb.ToString();
    }

    public static Polygon Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var points = new List<NormalisedPoint>();
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = pair.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0
                || !double.TryParse(pair.AsSpan(0, comma), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(pair.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                throw new DomainException($"'{pair}' is not a point of the form x,y.");
            }

            points.Add(new(x, y));
        }

        return new Polygon(points);
    }

    public bool Equals(Polygon? other) =>
        other is not null && _points.AsSpan().SequenceEqual(other._points);

    public override bool Equals(object? obj) => Equals(obj as Polygon);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in _points)
        {
            hash.Add(p);
        }

        return hash.ToHashCode();
    }
}
