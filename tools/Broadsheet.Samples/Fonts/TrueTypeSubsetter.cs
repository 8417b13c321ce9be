using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Broadsheet.Samples.Fonts;

// Cuts one face out of a TrueType file or collection, keeping only the glyphs of the characters a page uses.
// The SkiaSharp native build has no font subsetter, so its PDF backend embeds whatever stream the typeface
// came from: for a .ttc that is the whole collection (12 MB per page for AR PL UMing, and a TTC is not a
// valid FontFile2). Glyphs are renumbered densely; callers draw with the subset typeface, whose cmap lists only
// the characters drawn, which also makes the PDF's ToUnicode map exactly the text that was set. Advances are
// copied unchanged, so text measured with the full face lands in the same place. Only the tables and glyphs
// needed are read from the file.
internal sealed class TrueTypeSubsetter : IDisposable
{
    // Everything else (embedded bitmaps, OpenType layout, vertical metrics, kern, hdmx) is dropped: Skia draws
    // unshaped horizontal text from outlines, and those tables would need rewriting for the new glyph ids.
    private static readonly string[] CopiedTables = ["OS/2", "cvt ", "fpgm", "gasp", "name", "prep"];

    private readonly SafeFileHandle _file;
    private readonly Dictionary<string, (long Offset, int Length)> _tables;
    private readonly Dictionary<string, byte[]> _copied = new(StringComparer.Ordinal);
    private readonly byte[] _head;
    private readonly byte[] _hhea;
    private readonly byte[] _maxp;
    private readonly byte[] _hmtx;
    private readonly byte[] _post;
    private readonly long[] _loca;
    private readonly int _numGlyphs;
    private readonly int _numberOfHMetrics;

    public TrueTypeSubsetter(string path, int faceIndex)
    {
        _file = File.OpenHandle(path);
        _tables = ReadDirectory(faceIndex);
        _head = Table("head");
        _hhea = Table("hhea");
        _maxp = Table("maxp");
        _hmtx = Table("hmtx");
        _numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(_maxp.AsSpan(4));
        _numberOfHMetrics = BinaryPrimitives.ReadUInt16BigEndian(_hhea.AsSpan(34));
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(_head.AsSpan(50)) == 1;
        var loca = Table("loca");
        _loca = new long[_numGlyphs + 1];
        for (var i = 0; i <= _numGlyphs; i++)
        {
            _loca[i] = longLoca ? BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(i * 4)) : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(i * 2)) * 2L;
        }

        _post = new byte[32];
        if (_tables.TryGetValue("post", out var post) && post.Length >= 32)
        {
            Read(post.Offset, _post);
        }

        BinaryPrimitives.WriteUInt32BigEndian(_post, 0x00030000);
        foreach (var tag in CopiedTables.Where(_tables.ContainsKey))
        {
            _copied[tag] = Table(tag);
        }
    }

    // Builds a standalone TrueType font holding exactly charToGlyph (glyph ids of the full face).
    public byte[] Subset(IReadOnlyDictionary<char, ushort> charToGlyph)
    {
        // Old glyph id -> its outline; composite glyphs pull in their components.
        var outlines = new SortedDictionary<int, byte[]>();
        var pending = new Stack<int>(charToGlyph.Values.Select(g => (int)g).Prepend(0));
        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (glyph >= _numGlyphs || outlines.ContainsKey(glyph))
            {
                continue;
            }

            var data = new byte[_loca[glyph + 1] - _loca[glyph]];
            Read(_tables["glyf"].Offset + _loca[glyph], data);
            outlines[glyph] = data;
            foreach (var (_, component) in Components(data))
            {
                pending.Push(component);
            }
        }

        var newId = new Dictionary<int, ushort>();
        foreach (var old in outlines.Keys)
        {
            newId[old] = (ushort)newId.Count;
        }

        var count = newId.Count;
        var glyf = new List<byte>();
        var loca = new byte[(count + 1) * 4];
        var hmtx = new byte[count * 4];
        foreach (var (old, data) in outlines)
        {
            var id = newId[old];
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(id * 4), (uint)glyf.Count);
            foreach (var (offset, component) in Components(data))
            {
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(offset), newId[component]);
            }

            glyf.AddRange(data);
            while (glyf.Count % 4 != 0)
            {
                glyf.Add(0);
            }

            var metric = Math.Min(old, _numberOfHMetrics - 1);
            _hmtx.AsSpan(metric * 4, 2).CopyTo(hmtx.AsSpan(id * 4));
            var lsb = old < _numberOfHMetrics ? (metric * 4) + 2 : (_numberOfHMetrics * 4) + ((old - _numberOfHMetrics) * 2);
            _hmtx.AsSpan(lsb, 2).CopyTo(hmtx.AsSpan((id * 4) + 2));
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(count * 4), (uint)glyf.Count);

        var head = (byte[])_head.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        var hhea = (byte[])_hhea.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)count);
        var maxp = (byte[])_maxp.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)count);

        var tables = new SortedDictionary<string, byte[]>(_copied, StringComparer.Ordinal)
        {
            ["head"] = head,
            ["hhea"] = hhea,
            ["maxp"] = maxp,
            ["hmtx"] = hmtx,
            ["loca"] = loca,
            ["glyf"] = [.. glyf],
            ["cmap"] = BuildCmap(charToGlyph.ToDictionary(kv => kv.Key, kv => newId[kv.Value])),
            ["post"] = _post,
        };
        return Assemble(tables);
    }

    public void Dispose() => _file.Dispose();

    private void Read(long offset, Span<byte> buffer)
    {
        if (RandomAccess.Read(_file, buffer, offset) != buffer.Length)
        {
            throw new InvalidDataException("The font file ends inside a table.");
        }
    }

    private byte[] Table(string tag)
    {
        if (!_tables.TryGetValue(tag, out var table))
        {
            throw new InvalidDataException($"The font has no '{tag}' table.");
        }

        var data = new byte[table.Length];
        Read(table.Offset, data);
        return data;
    }

    private Dictionary<string, (long, int)> ReadDirectory(int faceIndex)
    {
        var header = new byte[12];
        Read(0, header);
        long faceOffset = 0;
        if (header.AsSpan(0, 4).SequenceEqual("ttcf"u8))
        {
            var faces = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(8));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(faceIndex, faces);
            var offset = new byte[4];
            Read(12 + (4 * faceIndex), offset);
            faceOffset = BinaryPrimitives.ReadUInt32BigEndian(offset);
            Read(faceOffset, header);
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(header) != 0x00010000)
        {
            throw new InvalidDataException("Only TrueType outlines (glyf) can be subset; this face is not one.");
        }

        var numTables = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
        var directory = new byte[16 * numTables];
        Read(faceOffset + 12, directory);
        var tables = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
        for (var i = 0; i < numTables; i++)
        {
            var entry = directory.AsSpan(16 * i);
            tables[System.Text.Encoding.ASCII.GetString(entry[..4])] =
                (BinaryPrimitives.ReadUInt32BigEndian(entry[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
        }

        return tables;
    }

    // The components of a composite glyph, with the offset of each one's glyph id (none for a simple glyph).
    private static List<(int Offset, int Glyph)> Components(byte[] glyph)
    {
        var result = new List<(int, int)>();
        if (glyph.Length <= 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return result;
        }

        const int ArgsAreWords = 0x1, HasScale = 0x8, MoreComponents = 0x20, HasXYScale = 0x40, HasTwoByTwo = 0x80;
        var pos = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(pos));
            result.Add((pos + 2, BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(pos + 2))));
            pos += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            pos += (flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);

        return result;
    }

    // A (3,1) format 4 cmap with one segment per character, plus the required 0xFFFF end segment.
    private static byte[] BuildCmap(Dictionary<char, ushort> charToGlyph)
    {
        var chars = charToGlyph.Keys.Where(c => c != '\uFFFF').Order().ToList();
        var segCount = chars.Count + 1;
        var subtableLength = 16 + (segCount * 8);
        var cmap = new byte[12 + subtableLength];
        var s = cmap.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], 3);
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(s[8..], 12);

        var t = s[12..];
        var searchRange = 2 * (1 << (int)Math.Floor(Math.Log2(segCount)));
        BinaryPrimitives.WriteUInt16BigEndian(t, 4);
        BinaryPrimitives.WriteUInt16BigEndian(t[2..], (ushort)subtableLength);
        BinaryPrimitives.WriteUInt16BigEndian(t[6..], (ushort)(segCount * 2));
        BinaryPrimitives.WriteUInt16BigEndian(t[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(t[10..], (ushort)Math.Log2(searchRange / 2));
        BinaryPrimitives.WriteUInt16BigEndian(t[12..], (ushort)((segCount * 2) - searchRange));
        var endCodes = 14;
        var startCodes = endCodes + (segCount * 2) + 2;
        var deltas = startCodes + (segCount * 2);
        for (var i = 0; i < segCount; i++)
        {
            var code = i < chars.Count ? chars[i] : '\uFFFF';
            var delta = i < chars.Count ? (ushort)(charToGlyph[code] - code) : (ushort)1;
            BinaryPrimitives.WriteUInt16BigEndian(t[(endCodes + (2 * i))..], code);
            BinaryPrimitives.WriteUInt16BigEndian(t[(startCodes + (2 * i))..], code);
            BinaryPrimitives.WriteUInt16BigEndian(t[(deltas + (2 * i))..], delta);
        }

        return cmap;
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var headerLength = 12 + (16 * count);
        var font = new byte[headerLength + tables.Values.Sum(t => Pad(t.Length))];
        var s = font.AsSpan();
        var power = 1 << (int)Math.Floor(Math.Log2(count));
        BinaryPrimitives.WriteUInt32BigEndian(s, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(s[8..], (ushort)Math.Log2(power));
        BinaryPrimitives.WriteUInt16BigEndian(s[10..], (ushort)((count - power) * 16));

        var offset = headerLength;
        var index = 0;
        var headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            var entry = s[(12 + (16 * index++))..];
            System.Text.Encoding.ASCII.GetBytes(tag, entry);
            data.CopyTo(s[offset..]);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(s.Slice(offset, Pad(data.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            if (string.Equals(tag, "head", StringComparison.Ordinal))
            {
                headOffset = offset;
            }

            offset += Pad(data.Length);
        }

        BinaryPrimitives.WriteUInt32BigEndian(s[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(s)));
        return font;
    }

    private static int Pad(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        return sum;
    }
}
