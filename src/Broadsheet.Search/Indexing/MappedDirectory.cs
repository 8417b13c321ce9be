using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace Broadsheet.Search.Indexing;

/// <summary>
/// The index folder, read through memory-mapped files by plain pointer reads. Lucene.Net's own
/// <see cref="MMapDirectory"/> reads every byte, integer and skip entry through a <c>SafeBuffer</c> view:
/// measured at a million articles, reading positions and skip lists that way made the AND/NOT query of the
/// bench mix a third slower and the page-filtered one 40 % slower. Writing is <see cref="FSDirectory"/>'s.
/// Kept for the search goal (p95 ≤ 20 ms, one client, a million articles): run against <see cref="MMapDirectory"/>
/// alternately on 2026-12-07 (bench/HISTORY.md, "MappedDirectory against Lucene.Net's MMapDirectory"), the p95 was
/// 19.4–26.2 ms with Lucene's and 15.8–17.2 ms with this.
/// </summary>
/// <remarks>
/// As with Lucene's memory-mapped directory, a file is unmapped when the input that opened it is disposed, and
/// reading one of its clones after that would read unmapped memory: Lucene disposes an input only when no
/// reader uses its segment any longer, and <see cref="SearchIndex"/> swaps indexes only when no search holds one.
/// Every read is checked against the file's length, so a truncated or corrupt file fails as Lucene expects
/// (<see cref="EndOfStreamException"/>) rather than reading past the mapping.
/// </remarks>
internal sealed class MappedDirectory(string path) : FSDirectory(new DirectoryInfo(path), new NativeFSLockFactory())
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = new MappedFile(Path.Combine(Directory.FullName, name));
        return new MappedInput($"MappedInput(path=\"{file.Path}\")", file, 0, file.Length, owner: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(new MappedFile(Path.Combine(Directory.FullName, name)));
    }

    /// <summary>One file's mapping, shared by the input that opened it, its clones and slices.</summary>
    private sealed unsafe class MappedFile : IDisposable
    {
        private readonly MemoryMappedFile? _file;
        private readonly MemoryMappedViewAccessor? _view;
        private int _disposed;

        public MappedFile(string path)
        {
            Path = path;
            Length = new FileInfo(path).Length;
            if (Length == 0)
            {
                // An empty file cannot be mapped; there is nothing to read either.
                return;
            }

            _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, 0, MemoryMappedFileAccess.Read);
            try
            {
                _view = _file.CreateViewAccessor(0, Length, MemoryMappedFileAccess.Read);
                byte* start = null;
                _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
                Start = start + _view.PointerOffset;
            }
            catch
            {
                _view?.Dispose();
                _file.Dispose();
                throw;
            }
        }

        public string Path { get; }

        public long Length { get; }

        public byte* Start { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1 || _view is null)
            {
                return;
            }

            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file!.Dispose();
        }
    }

    private sealed class Slicer(MappedFile file) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > file.Length)
            {
                throw new ArgumentException($"Slice {sliceDescription} [{offset}, {offset + length}) is outside {file.Path} ({file.Length} bytes).");
            }

            return new MappedInput($"MappedInput({sliceDescription} in path=\"{file.Path}\")", file, offset, length, owner: false);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, file.Length);

        protected override void Dispose(bool disposing) => file.Dispose();
    }

    /// <summary>A window of a mapped file; clones share the mapping and keep their own position.</summary>
    private sealed unsafe class MappedInput : IndexInput
    {
        private readonly MappedFile _file;
        private readonly byte* _start;
        private readonly long _length;
        private readonly bool _owner;
        private long _position;

        public MappedInput(string description, MappedFile file, long offset, long length, bool owner)
            : base(description)
        {
            _file = file;
            _start = file.Start + offset;
            _length = length;
            _owner = owner;
        }

        private MappedInput(MappedInput original)
            : base(original.ToString())
        {
            _file = original._file;
            _start = original._start;
            _length = original._length;
            _position = original._position;
        }

        public override long Length => _length;

        public override long Position => _position;

        public override void Seek(long pos)
        {
            if ((ulong)pos > (ulong)_length)
            {
                throw new EndOfStreamException($"Seek to {pos} past the end ({_length} bytes): {this}");
            }

            _position = pos;
        }

        public override byte ReadByte()
        {
            if (_position >= _length)
            {
                throw PastEnd(1);
            }

            return _start[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len) => Take(len).CopyTo(b.AsSpan(offset, len));

        public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

        public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

        public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

        // Lucene's variable-length integers: seven bits a byte, low bits first, the high bit set on all but the last.
        public override int ReadVInt32()
        {
            if (_length - _position < 5)
            {
                return base.ReadVInt32();
            }

            var p = _start + _position;
            var value = 0;
            for (var i = 0; i < 4; i++)
            {
                int b = p[i];
                value |= (b & 0x7F) << (7 * i);
                if (b < 0x80)
                {
                    _position += i + 1;
                    return value;
                }
            }

            // The fifth byte carries the top four bits and nothing more.
            if ((p[4] & 0xF0) != 0)
            {
                throw new IOException($"Invalid vInt detected (too many bits): {this}");
            }

            _position += 5;
            return value | (p[4] << 28);
        }

        public override long ReadVInt64()
        {
            if (_length - _position < 9)
            {
                return base.ReadVInt64();
            }

            var p = _start + _position;
            var value = 0L;
            for (var i = 0; i < 9; i++)
            {
                long b = p[i];
                value |= (b & 0x7F) << (7 * i);
                if (b < 0x80)
                {
                    _position += i + 1;
                    return value;
                }
            }

            throw new IOException($"Invalid vLong detected (negative values disallowed): {this}");
        }

        public override object Clone() => new MappedInput(this);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _owner)
            {
                _file.Dispose();
            }
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || _length - _position < count)
            {
                throw PastEnd(count);
            }

            var span = new ReadOnlySpan<byte>(_start + _position, count);
            _position += count;
            return span;
        }

        private EndOfStreamException PastEnd(int count) =>
            new($"Read of {count} bytes at {_position} past the end ({_length} bytes): {this}");
    }
}
