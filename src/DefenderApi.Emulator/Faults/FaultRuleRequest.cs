using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.Faults;

/// <summary>The body of <c>POST /_emulator/faults</c> (see docs/admin.md). Every member is optional.</summary>
internal sealed record FaultRuleRequest
{
    /// <summary>HTTP method to match (any when absent).</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary>Path pattern: <c>*</c> = one segment, <c>**</c> = any number of segments (any path when absent).</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>Only calls of this tenant (any when absent).</summary>
    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    /// <summary>The error code to answer with, e.g. <c>TooManyRequests</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Chance that an eligible call is hit, from 0 to 1 (default 1).</summary>
    [JsonPropertyName("probability")]
    public double? Probability { get; init; }

    /// <summary>How many calls at most the rule hits (unlimited when absent).</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    /// <summary>Matching calls let through before the rule starts hitting (default 0).</summary>
    [JsonPropertyName("afterCalls")]
    public int? AfterCalls { get; init; }

    /// <summary>Delay before the answer, in milliseconds (default 0).</summary>
    [JsonPropertyName("latencyMs")]
    public int? LatencyMs { get; init; }

    /// <summary>A transport fault instead of an answer: <c>reset</c>, <c>empty</c> or <c>timeout</c>.</summary>
    [JsonPropertyName("transport")]
    public string? Transport { get; init; }

    /// <summary>Seed of the rule's random draws: the same seed gives the same hit sequence.</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; init; }
}

/// <summary>The answer of <c>POST /_emulator/faults</c>.</summary>
/// <param name="Id">The new rule's id.</param>
internal sealed record FaultRuleCreated([property: JsonPropertyName("id")] string Id);
