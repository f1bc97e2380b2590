using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>A threat indicator (<see href="https://learn.microsoft.com/defender-endpoint/api/ti-indicator">Indicator resource type</see>).</summary>
public sealed record Indicator
{
    /// <summary>The indicator id.</summary>
    public string? Id { get; init; }

    /// <summary>The indicator value.</summary>
    public string? IndicatorValue { get; init; }

    /// <summary><c>FileSha1</c>, <c>FileSha256</c>, <c>FileMd5</c>, <c>CertificateThumbprint</c>, <c>IpAddress</c>, <c>DomainName</c> or <c>Url</c>.</summary>
    public string? IndicatorType { get; init; }

    /// <summary>The application associated with the indicator.</summary>
    public string? Application { get; init; }

    /// <summary><c>Warn</c>, <c>Block</c>, <c>Audit</c>, <c>Alert</c>, <c>AlertAndBlock</c>, <c>BlockAndRemediate</c> or <c>Allowed</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Id the caller gave for its own correlation.</summary>
    [JsonPropertyName("externalID")]
    public string? ExternalId { get; init; }

    /// <summary><c>User</c> or <c>AadApp</c>.</summary>
    public string? SourceType { get; init; }

    /// <summary>Name of the submitting user or application (examples).</summary>
    public string? Source { get; init; }

    /// <summary>Name of the submitting user or application.</summary>
    public string? CreatedBySource { get; init; }

    /// <summary>Identity of the creator.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Identity of the last updater.</summary>
    public string? LastUpdatedBy { get; init; }

    /// <summary>When the indicator was created.</summary>
    public DateTimeOffset? CreationTimeDateTimeUtc { get; init; }

    /// <summary>When the indicator expires.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>When the indicator was last updated.</summary>
    public DateTimeOffset? LastUpdateTime { get; init; }

    /// <summary><c>Informational</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</summary>
    public string? Severity { get; init; }

    /// <summary>Title.</summary>
    public string? Title { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Recommended actions.</summary>
    public string? RecommendedActions { get; init; }

    /// <summary>Device groups the indicator applies to.</summary>
    public IReadOnlyList<string>? RbacGroupNames { get; init; }

    /// <summary>Device group ids the indicator applies to.</summary>
    public IReadOnlyList<string>? RbacGroupIds { get; init; }

    /// <summary>Whether an alert is generated.</summary>
    public bool? GenerateAlert { get; init; }
}
