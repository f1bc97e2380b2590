using System.Text.Json.Serialization;
using DefenderApi.Errors.Envelope;

namespace DefenderApi.Emulator.Journal;

/// <summary>One recorded exchange.</summary>
/// <param name="Timestamp">When the request arrived.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path as received (before version-prefix rewriting).</param>
/// <param name="Query">Query string, with its leading <c>?</c>, or empty.</param>
/// <param name="Status">Response status.</param>
/// <param name="Error">The error envelope's error object, when the answer was an error.</param>
/// <param name="DurationMs">Time spent in the pipeline, in milliseconds.</param>
/// <param name="TenantId">The caller's tenant, when known.</param>
/// <param name="ClientId">The caller's application, when known.</param>
/// <param name="Injected">Whether the answer was an injected fault rather than real behaviour.</param>
internal sealed record JournalEntry(
    DateTimeOffset Timestamp,
    string Method,
    string Path,
    string Query,
    int Status,
    ErrorBody? Error,
    double DurationMs,
    string? TenantId,
    string? ClientId,
    bool Injected)
{
    /// <summary>The exchange's place in the journal: 1 for the first recorded, then increasing by one.</summary>
    public long Id { get; init; }

    /// <summary>An error exchange's request headers and the start of its body, secrets masked; only in the answer by <c>target</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExchangeMessage? Request { get; init; }

    /// <summary>An error exchange's response headers and the start of its body, secrets masked; only in the answer by <c>target</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExchangeMessage? Response { get; init; }

    /// <summary>The entry without its headers and bodies (what lists and the live stream carry).</summary>
    /// <returns>The summary.</returns>
    public JournalEntry Summary() => Request is null && Response is null ? this : this with { Request = null, Response = null };
}

/// <summary>One side of a recorded exchange, secrets masked (<see cref="SecretMask"/>).</summary>
/// <param name="Headers">Header names and values.</param>
/// <param name="Body">The body's first <see cref="JournalMiddleware.MaxRecordedBodyBytes"/> bytes as text, or a note on what it was.</param>
/// <param name="BodyTruncated">Whether the body was longer than what is kept.</param>
internal sealed record ExchangeMessage(IReadOnlyDictionary<string, string> Headers, string Body, bool BodyTruncated);
