using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.Indicators;

/// <summary>The body of <c>POST /api/indicators</c> and each item of an import (names as the page's table writes them).</summary>
internal sealed record SubmitIndicatorRequest
{
    /// <summary>The value. Required.</summary>
    [JsonPropertyName("indicatorValue")]
    public required string IndicatorValue { get; init; }

    /// <summary>The type. Required.</summary>
    [JsonPropertyName("indicatorType")]
    public required IndicatorType IndicatorType { get; init; }

    /// <summary>The action. Required.</summary>
    [JsonPropertyName("action")]
    public required IndicatorAction Action { get; init; }

    /// <summary>The application (honoured on creation only).</summary>
    [JsonPropertyName("application")]
    public string? Application { get; init; }

    /// <summary>Alert title. Required.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Description. Required.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>Expiry.</summary>
    [JsonPropertyName("expirationTime")]
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>Severity.</summary>
    [JsonPropertyName("severity")]
    public IndicatorSeverity? Severity { get; init; }

    /// <summary>Recommended actions.</summary>
    [JsonPropertyName("recommendedActions")]
    public string? RecommendedActions { get; init; }

    /// <summary>Device group names (a JSON array, as the examples send it).</summary>
    [JsonPropertyName("rbacGroupNames")]
    public List<string>? RbacGroupNames { get; init; }

    /// <summary>Custom notification URL.</summary>
    [JsonPropertyName("educateUrl")]
    public string? EducateUrl { get; init; }

    /// <summary>Whether a hit raises an alert; must be true with <c>Audit</c>.</summary>
    [JsonPropertyName("generateAlert")]
    public bool? GenerateAlert { get; init; }
}

/// <summary>The body of <c>POST /api/indicators/import</c>.</summary>
internal sealed record ImportIndicatorsRequest
{
    /// <summary>The indicators. Required.</summary>
    public required List<SubmitIndicatorRequest> Indicators { get; init; }
}

/// <summary>The body of <c>POST /api/indicators/BatchDelete</c>.</summary>
internal sealed record BatchDeleteIndicatorsRequest
{
    /// <summary>The ids to delete. Required.</summary>
    public required List<string> IndicatorIds { get; init; }
}

/// <summary>One item of an import's answer.</summary>
/// <param name="Id">The indicator id, or <see langword="null"/> when the item failed.</param>
/// <param name="Indicator">The submitted value.</param>
/// <param name="IsFailed">Whether the item failed.</param>
/// <param name="FailureReason">Why it failed.</param>
internal sealed record IndicatorImportResult(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("indicator")] string Indicator,
    [property: JsonPropertyName("isFailed")] bool IsFailed,
    [property: JsonPropertyName("failureReason")] string? FailureReason);
