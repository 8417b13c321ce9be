using Broadsheet.Core.Model;

namespace Broadsheet.Bench.Accuracy;

/// <summary>Intersection over union of two sets of polygons on one page.</summary>
internal static class RegionOverlap
{
    /// <summary>Sampled on a 400 x 560 grid of the page (a cell is about 2.5 points of a broadsheet).</summary>
    public static double IoU(IReadOnlyList<Polygon> a, IReadOnlyList<Polygon> b)
    {
        const int Nx = 400, Ny = 560;
        int both = 0, either = 0;
        for (var i = 0; i < Nx; i++)
        {
            var x = (i + 0.5) / Nx;
            for (var j = 0; j < Ny; j++)
            {
                var y = (j + 0.5) / Ny;
                var inA = a.Any(p => p.Contains(x, y));
                var inB = b.Any(p => p.Contains(x, y));
                both += inA && inB ? 1 : 0;
                either += inA || inB ? 1 : 0;
            }
        }

        return either == 0 ? 1 : (double)both / either;
    }
}
