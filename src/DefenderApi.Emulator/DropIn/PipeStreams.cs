using System.IO.Pipelines;

namespace DefenderApi.Emulator.DropIn;

/// <summary>A stream that reads from one stream and writes to another: a connection's pipe seen as one stream.</summary>
/// <param name="reader">Where reads come from.</param>
/// <param name="writer">Where writes go.</param>
internal sealed class DuplexStream(Stream reader, Stream writer) : Stream
{
    public static DuplexStream Over(IDuplexPipe pipe) =>
        new(pipe.Input.AsStream(leaveOpen: true), pipe.Output.AsStream(leaveOpen: true));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => reader.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        reader.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        reader.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => writer.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        writer.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => writer.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            reader.Dispose();
            writer.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A stream seen as a connection's pipe (the decrypted side of a TLS tunnel).</summary>
/// <param name="Input">Reads from the stream.</param>
/// <param name="Output">Writes to the stream.</param>
internal sealed record StreamPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe
{
    public static StreamPipe Over(Stream stream) => new(
        PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)),
        PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)));
}
