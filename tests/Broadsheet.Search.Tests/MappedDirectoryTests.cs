using Broadsheet.Search.Indexing;
using Lucene.Net.Store;

namespace Broadsheet.Search.Tests;

public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mapped-" + Guid.NewGuid().ToString("N"));

    public MappedDirectoryTests() => System.IO.Directory.CreateDirectory(_folder);

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_back_what_lucene_wrote_from_inputs_clones_and_slices()
    {
        using var directory = new MappedDirectory(_folder);
        int[] ints = [0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1, int.MinValue];
        long[] longs = [0, 1, 127, 128, 1L << 35, long.MaxValue];
        using (var output = directory.CreateOutput("values", IOContext.DEFAULT))
        {
            output.WriteByte(42);
            output.WriteInt16(-2);
            foreach (var i in ints)
            {
                output.WriteInt32(i);
                if (i >= 0)
                {
                    output.WriteVInt32(i);
                }
            }

            foreach (var l in longs)
            {
                output.WriteInt64(l);
                output.WriteVInt64(l);
            }

            output.WriteString("民警调解 police");
        }

        using var input = directory.OpenInput("values", IOContext.DEFAULT);
        Assert.Equal(42, input.ReadByte());
        var clone = (IndexInput)input.Clone();
        Assert.Equal(-2, input.ReadInt16());
        foreach (var i in ints)
        {
            Assert.Equal(i, input.ReadInt32());
            if (i >= 0)
            {
                Assert.Equal(i, input.ReadVInt32());
            }
        }

        foreach (var l in longs)
        {
            Assert.Equal(l, input.ReadInt64());
            Assert.Equal(l, input.ReadVInt64());
        }

        Assert.Equal("民警调解 police", input.ReadString());
        Assert.Equal(input.Length, input.Position);

        // A clone keeps its own position.
        Assert.Equal(1, clone.Position);
        Assert.Equal(-2, clone.ReadInt16());

        using var slicer = directory.CreateSlicer("values", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("ints", 3, 9);
        Assert.Equal(9, slice.Length);
        Assert.Equal(0, slice.ReadInt32());
        Assert.Equal(0, slice.ReadVInt32());
        Assert.Equal(1, slice.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
    }

    [Fact]
    public void Reading_past_the_end_fails_as_lucene_expects()
    {
        using var directory = new MappedDirectory(_folder);
        using (var output = directory.CreateOutput("short", IOContext.DEFAULT))
        {
            output.WriteByte(0x80);
            output.WriteByte(0x80);
        }

        using (directory.CreateOutput("empty", IOContext.DEFAULT))
        {
        }

        using var input = directory.OpenInput("short", IOContext.DEFAULT);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => input.ReadVInt32());
        Assert.Throws<EndOfStreamException>(() => input.Seek(3));
        input.Seek(2);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[4], 0, 1));

        using var empty = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, empty.Length);
        Assert.Throws<EndOfStreamException>(() => empty.ReadByte());

        using var slicer = directory.CreateSlicer("short", IOContext.DEFAULT);
        Assert.Throws<ArgumentException>(() => slicer.OpenSlice("too long", 1, 2));
    }

    [Fact]
    public void A_malformed_variable_length_integer_is_refused()
    {
        using var directory = new MappedDirectory(_folder);
        using (var output = directory.CreateOutput("bad", IOContext.DEFAULT))
        {
            output.WriteBytes([0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0, 0], 10);
        }

        using var input = directory.OpenInput("bad", IOContext.DEFAULT);
        Assert.Throws<IOException>(() => input.ReadVInt32());
    }
}
