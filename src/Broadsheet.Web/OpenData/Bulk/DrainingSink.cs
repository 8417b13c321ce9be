namespace Broadsheet.Web.OpenData.Bulk;

/// <summary>
/// A write-only, forward-only stream that holds what was written until <see cref="DrainAsync"/> sends it on and
/// forgets it: the synchronous writer on one side, an asynchronous response on the other, and never more held
/// than was written since the last drain.
/// </summary>
internal sealed class DrainingSink : Stream
{
    private readonly MemoryStream _held = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public async Task DrainAsync(Stream output, CancellationToken cancellationToken)
    {
        if (_held.Length == 0)
        {
            return;
        }

        await output.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
        _held.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _held.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
