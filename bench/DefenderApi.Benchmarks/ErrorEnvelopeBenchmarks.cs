using BenchmarkDotNet.Attributes;
using DefenderApi.Emulator.Errors;
using DefenderApi.Errors;
using DefenderApi.Errors.Envelope;
using Microsoft.AspNetCore.Http;

namespace DefenderApi.Benchmarks;

/// <summary>The 404 path's fixed cost: formatting the message and writing the envelope.</summary>
[MemoryDiagnoser]
public class ErrorEnvelopeBenchmarks
{
    private readonly DefenderError _notFound = DefenderErrors.ResourceNotFound("Machine", "1e5bc9d7e413ddd7902c2932e418702b84d0cc07");

    [Benchmark]
    public byte[] SerializeEnvelope() =>
        ErrorEnvelopeSerializer.ToUtf8Bytes(new ErrorEnvelope(new ErrorBody(_notFound.Code.Value, _notFound.Message, Guid.NewGuid().ToString())));

    [Benchmark]
    public async Task<long> WriteThroughErrorWriter()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream(256);
        await ErrorWriter.WriteAsync(context, _notFound);
        return context.Response.Body.Length;
    }
}
