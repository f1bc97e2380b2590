using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DefenderApi.Errors.Envelope;

/// <summary>Writes and reads error envelopes.</summary>
public static class ErrorEnvelopeSerializer
{
    // The default encoder escapes HTML-sensitive characters ("isn't" → "isn\u0027t") and every non-ASCII letter;
    // MDE writes messages as plain JSON strings, so only what JSON itself requires is escaped.
    private static readonly JsonTypeInfo<ErrorEnvelope> TypeInfo = (JsonTypeInfo<ErrorEnvelope>)new JsonSerializerOptions
    {
        TypeInfoResolver = ErrorEnvelopeJsonContext.Default,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(ErrorEnvelope));

    /// <summary>Serializes an envelope to UTF-8 JSON.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <returns>UTF-8 bytes.</returns>
    public static byte[] ToUtf8Bytes(ErrorEnvelope envelope) =>
        JsonSerializer.SerializeToUtf8Bytes(envelope, TypeInfo);

    /// <summary>Writes an envelope to a stream.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="envelope">The envelope.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task WriteAsync(Stream stream, ErrorEnvelope envelope, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, envelope, TypeInfo, cancellationToken);

    /// <summary>Reads an envelope, tolerating unknown extra properties. Fails for anything that is not an envelope.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <param name="envelope">The envelope, when the body is one.</param>
    /// <returns><see langword="true"/> when the body is an error envelope with a code.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out ErrorEnvelope? envelope)
    {
        envelope = null;
        try
        {
            var parsed = JsonSerializer.Deserialize(utf8Json, ErrorEnvelopeJsonContext.Default.ErrorEnvelope);
            if (parsed?.Error?.Code is { Length: > 0 })
            {
                envelope = parsed with { Error = parsed.Error with { Message = parsed.Error.Message ?? string.Empty, Target = parsed.Error.Target ?? string.Empty } };
                return true;
            }
        }
        catch (JsonException)
        {
            // Not JSON, or JSON of another shape: the caller keeps the raw text.
        }

        return false;
    }

    /// <summary>Reads an envelope from a string.</summary>
    /// <param name="json">The body.</param>
    /// <param name="envelope">The envelope, when the body is one.</param>
    /// <returns><see langword="true"/> when the body is an error envelope with a code.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out ErrorEnvelope? envelope) =>
        TryParse(System.Text.Encoding.UTF8.GetBytes(json ?? string.Empty), out envelope);
}
