using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>The body of <c>POST /api/indicators</c> (submit or update) and one item of an import.</summary>
public sealed record IndicatorSubmission
{
    /// <summary>The indicator value (a hash, IP, domain, URL or certificate thumbprint).</summary>
    [JsonPropertyName("indicatorValue")]
    public required string IndicatorValue { get; init; }

    /// <summary><c>FileSha1</c>, <c>FileMd5</c>, <c>CertificateThumbprint</c>, <c>FileSha256</c>, <c>IpAddress</c>, <c>DomainName</c> or <c>Url</c>.</summary>
    [JsonPropertyName("indicatorType")]
    public required string IndicatorType { get; init; }

    /// <summary><c>Alert</c>, <c>Warn</c>, <c>Block</c>, <c>Audit</c>, <c>BlockAndRemediate</c>, <c>AlertAndBlock</c> or <c>Allowed</c>.</summary>
    [JsonPropertyName("action")]
    public required string Action { get; init; }

    /// <summary>The application (honoured on create only).</summary>
    [JsonPropertyName("application")]
    public string? Application { get; init; }

    /// <summary>The title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The description.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>When the indicator expires.</summary>
    [JsonPropertyName("expirationTime")]
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary><c>Informational</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</summary>
    [JsonPropertyName("severity")]
    public string? Severity { get; init; }

    /// <summary>Recommended actions.</summary>
    [JsonPropertyName("recommendedActions")]
    public string? RecommendedActions { get; init; }

    /// <summary>Device groups the indicator applies to.</summary>
    [JsonPropertyName("rbacGroupNames")]
    public IReadOnlyList<string>? RbacGroupNames { get; init; }

    /// <summary>A custom notification URL (Block/Warn URL indicators).</summary>
    [JsonPropertyName("educateUrl")]
    public string? EducateUrl { get; init; }

    /// <summary>Whether to generate an alert (must be true for <c>Audit</c>).</summary>
    [JsonPropertyName("generateAlert")]
    public bool? GenerateAlert { get; init; }
}
