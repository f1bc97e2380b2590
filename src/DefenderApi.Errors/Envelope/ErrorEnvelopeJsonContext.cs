using System.Text.Json.Serialization;

namespace DefenderApi.Errors.Envelope;

/// <summary>Source-generated serialization for the envelope: compact, exact casing, unknown properties ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class ErrorEnvelopeJsonContext : JsonSerializerContext;
