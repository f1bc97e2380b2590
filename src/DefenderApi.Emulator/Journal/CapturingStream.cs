using System.Buffers;

namespace DefenderApi.Emulator.Journal;

/// <summary>
/// Passes a request body's reads through to the real stream and keeps a copy of the first bytes for the journal.
/// Nothing is buffered ahead: the request streams as before.
/// </summary>
internal sealed class CapturingStream(Stream inner, int capacity) : Stream
{
    private byte[]? _kept;

    /// <summary>Bytes kept.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes that went through, kept or not.</summary>
    public long Total { get; private set; }

    /// <summary>Whether a read reached the end of the stream.</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>The kept bytes.</summary>
    public ReadOnlySpan<byte> Kept => _kept is null ? default : _kept.AsSpan(0, Count);

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Keep(buffer[..read], read == 0 && buffer.Length > 0);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Keep(buffer.Span[..read], read == 0 && buffer.Length > 0);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Gives the kept bytes' buffer back to the pool; <see cref="Kept"/> is empty afterwards.</summary>
    public void Release()
    {
        if (_kept is { } kept)
        {
            _kept = null;
            Count = 0;
            ArrayPool<byte>.Shared.Return(kept);
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> bytes, bool end)
    {
        ReachedEnd |= end;
        Total += bytes.Length;
        var room = Math.Min(bytes.Length, capacity - Count);
        if (room > 0)
        {
            _kept ??= ArrayPool<byte>.Shared.Rent(capacity);
            bytes[..room].CopyTo(_kept.AsSpan(Count));
            Count += room;
        }
    }
}
