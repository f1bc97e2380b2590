using System.Text.Json.Serialization;

namespace DefenderApi.Errors.Envelope;

/// <summary>The body of every error answer: <c>{"error":{"code":"…","message":"…","target":"…"}}</c>.</summary>
/// <param name="Error">The error object.</param>
public sealed record ErrorEnvelope([property: JsonPropertyName("error")] ErrorBody Error);

/// <summary>The <c>error</c> object of the envelope, in the documented property order.</summary>
/// <param name="Code">The wire code.</param>
/// <param name="Message">Free text; clients must not parse it.</param>
/// <param name="Target">The correlation id of this answer (a fresh GUID per error).</param>
public sealed record ErrorBody(
    [property: JsonPropertyName("code"), JsonPropertyOrder(0)] string Code,
    [property: JsonPropertyName("message"), JsonPropertyOrder(1)] string Message,
    [property: JsonPropertyName("target"), JsonPropertyOrder(2)] string Target);
