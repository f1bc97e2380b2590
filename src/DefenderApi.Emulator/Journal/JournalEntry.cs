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
public sealed record JournalEntry(
    DateTimeOffset Timestamp,
    string Method,
    string Path,
    string Query,
    int Status,
    ErrorBody? Error,
    double DurationMs,
    string? TenantId,
    string? ClientId,
    bool Injected);
