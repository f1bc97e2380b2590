using System.Text.Json.Serialization;

namespace DefenderApi.Testing;

/// <summary>A fault rule of <c>POST /_emulator/faults</c> (see docs/admin.md).</summary>
public sealed record FaultRule
{
    /// <summary>The HTTP method to match, or null for any.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary>The path to match; <c>*</c> matches one segment (e.g. <c>/api/machines/*/isolate</c>).</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>Only for this tenant, or null for all.</summary>
    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    /// <summary>The documented error code to answer with (e.g. <c>TooManyRequests</c>), or null for a transport fault only.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Chance of applying, 0 to 1.</summary>
    [JsonPropertyName("probability")]
    public double Probability { get; init; } = 1.0;

    /// <summary>How many times it applies before it expires, or null for always.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    /// <summary>How many matching calls pass untouched first.</summary>
    [JsonPropertyName("afterCalls")]
    public int AfterCalls { get; init; }

    /// <summary>Extra latency in milliseconds.</summary>
    [JsonPropertyName("latencyMs")]
    public int LatencyMs { get; init; }

    /// <summary><c>reset</c>, <c>empty</c> or <c>timeout</c>, or null for an HTTP answer.</summary>
    [JsonPropertyName("transport")]
    public string? Transport { get; init; }
}
