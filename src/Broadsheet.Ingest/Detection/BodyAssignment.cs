using Broadsheet.Ingest.Text;

namespace Broadsheet.Ingest.Detection;

/// <summary>The body lines and photos given to each title, by index.</summary>
/// <param name="Bodies">Each title's text lines.</param>
/// <param name="Photos">Each title's photos.</param>
/// <param name="Unowned">Photos no title took.</param>
/// <param name="Loose">How many of each title's lines only reached it by position (the nearest title over them, or a
/// neighbour across a column rule), not by a column run from the title: what detection is least sure of.</param>
internal sealed record Assignment(List<TextLine>[] Bodies, List<PageImage>[] Photos, IReadOnlyList<PageImage> Unowned, int[] Loose);

/// <summary>
/// Gives the page's column pieces (<see cref="TextBlock"/>s) to titles, the way a reader follows a story:
/// <list type="number">
/// <item>a piece that starts right under a title, in its columns, is that story's;</item>
/// <item>a piece beside one of a story's pieces, starting level with it, is the same story's (the outer
/// columns under a centred or short headline);</item>
/// <item>a piece further down a column continues the piece above it, unless a rule or a title comes between
/// (text under a photo, after a sub-head);</item>
/// <item>what is left goes to the nearest title above that is over it.</item>
/// </list>
/// </summary>
internal static class BodyAssignment
{
    /// <summary>A title must cover this share of a piece's width to be over it.</summary>
    private const double Over = 0.2;

    /// <summary>A piece starts "right under" a title within this many lines of it.</summary>
    private const double UnderLines = 2.5;

    /// <summary>Pieces in neighbouring columns are at most this many body ems apart (one gutter).</summary>
    private const double GutterEms = 2.5;

    public static Assignment Assign(
        IReadOnlyList<TitleBlock> titles,
        IReadOnlyList<TextLine> lines,
        IReadOnlyList<(PageImage Image, PageBox WithCaption)> images,
        IReadOnlyList<PageRule> rules,
        FontSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(sizes);
        var separators = titles.Select(t => t.Box).Concat(images.Select(i => i.WithCaption)).ToList();
        var blocks = TextBlock.Build(lines, separators, rules, sizes);
        blocks.AddRange(images.Select(i => TextBlock.OfImage(i.Image, i.WithCaption)));
        var context = new Context(titles, blocks, rules, sizes);

        foreach (var block in blocks)
        {
            context.Owner[block] = block.Image is { } image
                ? context.Within(block) ?? context.DirectlyUnder(block) ?? context.DirectlyAbove(image.Box)
                : context.DirectlyUnder(block) ?? context.OpeningBeside(block);
        }

        context.Spread();
        var sure = blocks.Where(b => context.Owner[b] is not null).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var block in blocks.Where(b => context.Owner[b] is null))
        {
            context.Owner[block] = context.NearestOver(block);
        }

        context.Spread();

        // Column rules part the columns of one story as often as two stories: what nothing else claimed goes to the
        // story beside it across a rule rather than to no story at all.
        context.Spread(acrossRules: true);
        var bodies = titles.Select(_ => new List<TextLine>()).ToArray();
        var loose = new int[titles.Count];
        var photos = titles.Select(_ => new List<PageImage>()).ToArray();
        var unowned = new List<PageImage>();
        foreach (var block in blocks)
        {
            if (context.Owner[block] is { } i)
            {
                bodies[i].AddRange(block.Lines);
                loose[i] += sure.Contains(block) ? 0 : block.Lines.Count;
                if (block.Image is { } image)
                {
                    photos[i].Add(image);
                }
            }
            else if (block.Image is { } image)
            {
                unowned.Add(image);
            }
        }

        return new Assignment(bodies, photos, unowned, loose);
    }

    private sealed class Context(IReadOnlyList<TitleBlock> titles, List<TextBlock> blocks, IReadOnlyList<PageRule> rules, FontSizes sizes)
    {
        private readonly double _leading = 1.45 * sizes.Body;

        public Dictionary<TextBlock, int?> Owner { get; } = new(ReferenceEqualityComparer.Instance);

        public int? DirectlyUnder(TextBlock block)
        {
            int? best = null;
            for (var i = 0; i < titles.Count; i++)
            {
                var t = titles[i].Box;
                if (titles[i].IsVertical)
                {
                    // A vertical title stands at the left of its story: the column starting just right of it is the story's.
                    if (block.TopLeft >= t.Right - (0.5 * sizes.Body) && block.TopLeft - t.Right <= GutterEms * sizes.Body
                        && block.Box.Top >= t.Top - (1.5 * sizes.Body) && block.Box.Top <= t.Top + (3 * _leading))
                    {
                        return i;
                    }

                    continue;
                }

                if (block.Box.Top >= t.Top - (0.5 * sizes.Body)
                    && block.Box.Top - t.Bottom <= UnderLines * _leading
                    && IsOver(t, block.Box)
                    && (best is null || t.Bottom > titles[best.Value].Box.Bottom))
                {
                    best = i;
                }
            }

            return best;
        }

        /// <summary>
        /// A column that opens a story (with its byline or dateline) level with a headline set beside it: the headline
        /// is centred over the story's other columns and this, its first, starts at the top of the module.
        /// </summary>
        public int? OpeningBeside(TextBlock block)
        {
            if (!Opens(block))
            {
                return null;
            }

            int? best = null;
            var bestGap = double.MaxValue;
            for (var i = 0; i < titles.Count; i++)
            {
                var t = titles[i].Box;
                // Level with the headline: the column starts beside it, not under it.
                if (titles[i].IsVertical || block.Box.Top < t.Top - sizes.Body || block.Box.Top > t.Bottom - (0.3 * sizes.Body)
                    || block.Box.HorizontalOverlap(t) > 0)
                {
                    continue;
                }

                var gap = Math.Max(t.Left - block.Box.Right, block.Box.Left - t.Right);
                var between = new PageBox(Math.Min(block.Box.Right, t.Right), Math.Max(block.Box.Top, t.Top), Math.Max(block.Box.Left, t.Left), Math.Min(block.Box.Bottom, t.Bottom));
                if (gap <= 8 * sizes.Body && gap < bestGap
                    && !titles.Any(o => !ReferenceEquals(o, titles[i]) && o.Box.HorizontalOverlap(between) > 0 && o.Box.VerticalOverlap(between) > 0)
                    && !blocks.Any(b => b.Lines.Count > 0 && b.Box.HorizontalOverlap(between) > 1 && b.Box.VerticalOverlap(between) > 1))
                {
                    best = i;
                    bestGap = gap;
                }
            }

            return best;
        }

        /// <summary>Photo news sets its title between the photo and the caption.</summary>
        public int? Within(TextBlock block)
        {
            for (var i = 0; i < titles.Count; i++)
            {
                var t = titles[i].Box;
                if (t.Top >= block.Image!.Box.Bottom - 1 && t.Bottom <= block.Box.Bottom + 1 && t.Left >= block.Box.Left - 1 && t.Right <= block.Box.Right + 1)
                {
                    return i;
                }
            }

            return null;
        }

        /// <summary>A photo set right above a headline belongs to that story.</summary>
        public int? DirectlyAbove(PageBox photo)
        {
            for (var i = 0; i < titles.Count; i++)
            {
                var t = titles[i].Box;
                if (t.Top >= photo.Bottom - 1 && t.Top - photo.Bottom <= 3 * sizes.Body && t.HorizontalOverlap(photo) >= 0.5 * photo.Width)
                {
                    return i;
                }
            }

            return null;
        }

        public int? NearestOver(TextBlock block)
        {
            int? best = null;
            for (var i = 0; i < titles.Count; i++)
            {
                var t = titles[i].Box;
                if (t.Bottom <= block.Box.Top + (0.3 * sizes.Body)
                    && IsOver(t, block.Box)
                    && !RuleBetween(t, block.Box)
                    && (best is null || t.Bottom > titles[best.Value].Box.Bottom))
                {
                    best = i;
                }
            }

            return best;
        }

        /// <summary>
        /// Gives unowned pieces the story of a level neighbour or of the piece above them, until nothing
        /// changes. Pieces with one candidate story go first; a piece between two stories goes to the one
        /// whose headline it lines up with better (see <see cref="Misalignment"/>).
        /// </summary>
        public void Spread(bool acrossRules = false)
        {
            while (true)
            {
                // Along the row first: a story's columns sit side by side under its title; only when no piece
                // has a level neighbour does a column continue downwards (that crosses the gap between stories
                // stacked without a rule, so it must not run ahead of the row).
                var unowned = blocks.Where(b => Owner[b] is null).ToList();

                // Text straight under a story's photo and caption, within the photo's columns, runs on from it.
                var underPhotos = unowned.Select(b => (Block: b, Owner: UnderPhoto(b))).Where(c => c.Owner is not null).ToList();
                if (underPhotos.Count > 0)
                {
                    foreach (var (block, owner) in underPhotos)
                    {
                        Owner[block] = owner;
                    }

                    continue;
                }

                // Neighbours on the piece's own baseline grid first: a story's columns are set on one grid, and a
                // neighbour on another is more likely the next story, reached only because the piece's own
                // neighbours are not placed yet.
                var candidates = unowned.Select(b => (Block: b, Owners: Beside(b, strongOnly: true, acrossRules))).Where(c => c.Owners.Count > 0).ToList();

                // A photo set into a column belongs to the text above it in that column before a photo that happens
                // to stand beside it.
                if (candidates.Count == 0)
                {
                    candidates = [.. unowned.Where(b => b.Image is not null)
                        .Select(b => (Block: b, Owners: Above(b) is { } above ? new List<int> { above } : [])).Where(c => c.Owners.Count > 0)];
                }

                if (candidates.Count == 0)
                {
                    candidates = [.. unowned.Select(b => (Block: b, Owners: Beside(b, strongOnly: false, acrossRules))).Where(c => c.Owners.Count > 0)];
                }

                if (candidates.Count == 0)
                {
                    candidates = [.. unowned.Select(b => (Block: b, Owners: Above(b) is { } above ? new List<int> { above } : [])).Where(c => c.Owners.Count > 0)];
                }

                if (candidates.Count == 0)
                {
                    return;
                }

                var sure = candidates.Where(c => c.Owners.Count == 1).ToList();
                foreach (var (block, owners) in sure.Count > 0 ? sure : candidates)
                {
                    Owner[block] = owners.Count == 1 ? owners[0] : Choose(block, owners);
                }
            }
        }

        /// <summary>Settles a piece between two stories: the headline it lines up with better decides.</summary>
        private int Choose(TextBlock block, List<int> owners) =>
            owners.MinBy(o => Misalignment(o, block) - Misalignment(o, null));

        /// <summary>
        /// A story reads left to right from the column that opens it (with its dateline or byline): a piece
        /// that opens a story is not the continuation of a story to its left, and a piece left of a story's
        /// opening column is not that story's.
        /// </summary>
        private bool CanJoin(int owner, TextBlock block)
        {
            var row = OwnedRow(owner).ToList();
            if (Opens(block))
            {
                return !row.Any(b => b.Box.Right <= block.Box.Left + 1);
            }

            return !row.Any(b => b.Box.Left >= block.Box.Right - 1 && Opens(b));
        }

        private static bool Opens(TextBlock block) => block.Lines.Count > 0 && Bylines.StartsStory(block.Lines[0].Text);

        private IEnumerable<TextBlock> OwnedRow(int owner) =>
            blocks.Where(b => Owner[b] == owner && b.Box.Top - titles[owner].Box.Bottom <= UnderLines * _leading);

        /// <param name="block">The unowned piece.</param>
        /// <param name="strongOnly">Only neighbours on the piece's baseline grid (or photos) count.</param>
        /// <param name="acrossRules">Neighbours across a column rule count too.</param>
        private List<int> Beside(TextBlock block, bool strongOnly, bool acrossRules)
        {
            var found = new List<(int Owner, double Gap, bool Grid)>();
            foreach (var other in blocks)
            {
                if (ReferenceEquals(other, block))
                {
                    continue;
                }

                var gap = Math.Max(other.Box.Left - block.Box.Right, block.Box.Left - other.Box.Right);
                if (gap < -1 || gap > (acrossRules ? 3.5 : GutterEms) * sizes.Body || Math.Abs(other.Box.Top - block.Box.Top) > 1.5 * _leading
                    || (!acrossRules && VerticalRuleBetween(block.Box, other.Box)))
                {
                    continue;
                }

                // A photo beside a piece is a weak sign: photo news is set beside the columns of the story it is
                // wrapped into; a column on the piece's own grid says more.
                if (Owner[other] is { } owner && titles[owner].Box.Top <= block.Box.Top + (0.5 * sizes.Body))
                {
                    found.Add((owner, gap, other.Image is null && SharesGrid(block, other)));
                }
            }

            if (strongOnly)
            {
                found.RemoveAll(f => !f.Grid);
            }

            if (found.Count == 0)
            {
                return [];
            }

            found.RemoveAll(f => !CanJoin(f.Owner, block));
            if (found.Count == 0)
            {
                return [];
            }

            // A story's columns are set on one baseline grid; a neighbour on another grid is another story.
            if (found.Any(f => f.Grid) && found.Any(f => !f.Grid))
            {
                found.RemoveAll(f => !f.Grid);
            }

            var nearest = found.Min(f => f.Gap);
            return [.. found.Where(f => f.Gap <= nearest + 2).Select(f => f.Owner).Distinct()];
        }

        /// <summary>Whether most lines of <paramref name="a"/> level with <paramref name="b"/> sit on one of its lines' positions.</summary>
        private bool SharesGrid(TextBlock a, TextBlock b)
        {
            var level = a.Lines.Where(l => l.Box.Top >= b.Box.Top - 1 && l.Box.Bottom <= b.Box.Bottom + 1).ToList();
            if (level.Count == 0 || b.Lines.Count == 0)
            {
                return false;
            }

            var matched = level.Count(l => b.Lines.Any(m => Math.Abs(m.Box.Top - l.Box.Top) <= 0.15 * sizes.Body));
            return matched >= 0.6 * level.Count;
        }

        /// <summary>
        /// How far a title is from sitting flush left, centred or flush right over the first row of its
        /// story's columns (with <paramref name="extra"/> added): headlines are set one of those three ways.
        /// </summary>
        private double Misalignment(int owner, TextBlock? extra)
        {
            var title = titles[owner].Box;
            var row = blocks.Where(b => Owner[b] == owner && b.Box.Top - title.Bottom <= UnderLines * _leading).Select(b => b.Box).ToList();
            if (extra is not null)
            {
                row.Add(extra.Box);
            }

            if (row.Count == 0)
            {
                return 0;
            }

            var span = PageBox.Bounding(row);
            return Math.Min(Math.Abs(title.Left - span.Left), Math.Min(Math.Abs(title.CenterX - span.CenterX), Math.Abs(title.Right - span.Right)));
        }

        /// <summary>The owner of the photo (with its caption) right above a piece, when the piece lies within the photo's width.</summary>
        private int? UnderPhoto(TextBlock block)
        {
            if (Nearest(block) is not { Image: not null } photo || Owner[photo] is null
                || block.Box.Left < photo.Box.Left - 1 || block.Box.Right > photo.Box.Right + 1
                || block.Box.Top - photo.Box.Bottom > 2 * _leading)
            {
                return null;
            }

            return Above(block);
        }

        /// <summary>The piece right above <paramref name="block"/> in its column, if any.</summary>
        private TextBlock? Nearest(TextBlock block)
        {
            TextBlock? nearest = null;
            foreach (var other in blocks)
            {
                if (!ReferenceEquals(other, block)
                    && other.Box.Bottom <= block.Box.Top + (0.3 * sizes.Body)
                    && other.Box.HorizontalOverlap(block.Box) >= 0.5 * Math.Min(other.Box.Width, block.Box.Width)
                    && (nearest is null || other.Box.Bottom > nearest.Box.Bottom))
                {
                    nearest = other;
                }
            }

            return nearest;
        }

        private int? Above(TextBlock block)
        {
            var nearest = Nearest(block);
            if (nearest is null || Owner[nearest] is not { } owner)
            {
                return null;
            }

            var gap = new PageBox(Math.Max(nearest.Box.Left, block.Box.Left), nearest.Box.Bottom, Math.Min(nearest.Box.Right, block.Box.Right), block.Box.Top);
            var separated = titles.Any(t => t.Box.HorizontalOverlap(gap) > 0 && t.Box.Top >= gap.Top - 1 && t.Box.Bottom <= gap.Bottom + 1)
                || rules.Any(r => r.IsHorizontal && r.Box.HorizontalOverlap(gap) > 0 && r.Box.CenterY >= gap.Top - 0.5 && r.Box.CenterY <= gap.Bottom + 0.5);
            return separated ? null : owner;
        }

        /// <summary>Over a piece: covering a fifth of it, or a quarter of a short title (two characters centred over a gutter) lying on it.</summary>
        private static bool IsOver(PageBox title, PageBox block)
        {
            var overlap = title.HorizontalOverlap(block);
            return overlap > 0 && (overlap >= Over * block.Width || overlap >= 0.25 * title.Width);
        }

        private bool RuleBetween(PageBox title, PageBox block) =>
            rules.Any(r => r.IsHorizontal && r.Box.HorizontalOverlap(block) > 0.5 * block.Width
                && r.Box.CenterY > title.Bottom && r.Box.CenterY < block.Top);

        private bool VerticalRuleBetween(PageBox a, PageBox b)
        {
            var left = Math.Min(a.Right, b.Right);
            var right = Math.Max(a.Left, b.Left);
            var top = Math.Max(a.Top, b.Top);
            var bottom = Math.Min(a.Bottom, b.Bottom);
            return rules.Any(r => !r.IsHorizontal && r.Box.CenterX >= left - 0.5 && r.Box.CenterX <= right + 0.5 && r.Box.Top < bottom && r.Box.Bottom > top);
        }
    }
}
