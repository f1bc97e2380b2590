using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Alerts;

/// <summary>An alert, as <see href="https://learn.microsoft.com/defender-endpoint/api/alerts">Get alerts API</see> documents it (JSON names and order as on the page).</summary>
internal sealed class Alert : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>Alert identity, e.g. <c>da637472900382838869_1364969609</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The incident the alert belongs to.</summary>
    public long? IncidentId { get; set; }

    /// <summary>The automated investigation of the alert.</summary>
    public long? InvestigationId { get; set; }

    /// <summary>The investigation's state (one of the 18 documented values).</summary>
    public string? InvestigationState { get; set; }

    /// <summary>Owner.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; set; }

    /// <summary>Recommended action (alerts created by reference).</summary>
    public string? RecommendedAction { get; set; }

    /// <summary>Severity.</summary>
    public AlertSeverity Severity { get; set; }

    /// <summary>Status.</summary>
    public AlertStatus Status { get; set; }

    /// <summary>Classification.</summary>
    public AlertClassification? Classification { get; set; }

    /// <summary>Determination (valid values depend on <see cref="Classification"/>).</summary>
    public AlertDetermination? Determination { get; set; }

    /// <summary>Detection source, e.g. <c>WindowsDefenderAtp</c>.</summary>
    public string DetectionSource { get; set; } = "WindowsDefenderAtp";

    /// <summary>Detector id.</summary>
    public string? DetectorId { get; set; }

    /// <summary>Category, e.g. <c>Execution</c>.</summary>
    public string Category { get; set; } = "General";

    /// <summary>Threat family.</summary>
    public string? ThreatFamilyName { get; set; }

    /// <summary>Threat name.</summary>
    public string? ThreatName { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Description.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Creation time.</summary>
    public DateTimeOffset AlertCreationTime { get; set; }

    /// <summary>First related event.</summary>
    public DateTimeOffset? FirstEventTime { get; set; }

    /// <summary>Last related event.</summary>
    public DateTimeOffset? LastEventTime { get; set; }

    /// <summary>Last update.</summary>
    public DateTimeOffset LastUpdateTime { get; set; }

    /// <summary>When the status became Resolved.</summary>
    public DateTimeOffset? ResolvedTime { get; set; }

    /// <summary>The device.</summary>
    public string MachineId { get; set; } = string.Empty;

    /// <summary>The device's name.</summary>
    public string? ComputerDnsName { get; set; }

    /// <summary>The tenant id as the page writes it.</summary>
    public string? AadTenantId { get; set; }

    /// <summary>The user the alert relates to.</summary>
    public RelatedUser? RelatedUser { get; set; }

    /// <summary>Comments, oldest first.</summary>
    public List<AlertComment> Comments { get; set; } = [];

    /// <summary>Evidence; empty unless <c>$expand=evidence</c>.</summary>
    public List<AlertEvidence> Evidence { get; set; } = [];

    /// <summary>MITRE technique ids.</summary>
    public List<string> MitreTechniques { get; set; } = [];
}

/// <summary>The user an alert relates to.</summary>
internal sealed class RelatedUser
{
    /// <summary>User name (no domain).</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>Domain.</summary>
    public string? DomainName { get; set; }
}

/// <summary>A comment on an alert.</summary>
internal sealed class AlertComment
{
    /// <summary>The text.</summary>
    public string Comment { get; set; } = string.Empty;

    /// <summary>Who wrote it.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset CreatedTime { get; set; }
}

/// <summary>Alert severity.</summary>
internal enum AlertSeverity
{
    /// <summary>Unspecified.</summary>
    UnSpecified,

    /// <summary>Informational.</summary>
    Informational,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>Alert status.</summary>
internal enum AlertStatus
{
    /// <summary>Unknown.</summary>
    Unknown,

    /// <summary>New.</summary>
    New,

    /// <summary>In progress.</summary>
    InProgress,

    /// <summary>Resolved.</summary>
    Resolved,
}

/// <summary>Alert classification.</summary>
internal enum AlertClassification
{
    /// <summary>True positive.</summary>
    TruePositive,

    /// <summary>Informational, expected activity.</summary>
    InformationalExpectedActivity,

    /// <summary>False positive.</summary>
    FalsePositive,
}

/// <summary>Alert determination (the values of <see href="https://learn.microsoft.com/defender-endpoint/api/update-alert">Update alert entity API</see> and <see href="https://learn.microsoft.com/defender-endpoint/api/batch-update-alerts">Batch Update alert entities API</see>).</summary>
internal enum AlertDetermination
{
    /// <summary>Multistage attack (true positive).</summary>
    MultiStagedAttack,

    /// <summary>Malicious user activity (true positive).</summary>
    MaliciousUserActivity,

    /// <summary>Compromised account (true positive).</summary>
    CompromisedUser,

    /// <summary>Malware (true positive).</summary>
    Malware,

    /// <summary>Phishing (true positive).</summary>
    Phishing,

    /// <summary>Unwanted software (true positive).</summary>
    UnwantedSoftware,

    /// <summary>Security test (expected activity).</summary>
    SecurityTesting,

    /// <summary>Line-of-business application (expected activity).</summary>
    LineOfBusinessApplication,

    /// <summary>Confirmed activity (expected activity; <see href="https://learn.microsoft.com/defender-endpoint/api/update-alert">Update alert entity API</see>'s name).</summary>
    ConfirmedActivity,

    /// <summary>Confirmed activity (expected activity; <see href="https://learn.microsoft.com/defender-endpoint/api/batch-update-alerts">Batch Update alert entities API</see>'s name).</summary>
    ConfirmedUserActivity,

    /// <summary>Not malicious (false positive; <see href="https://learn.microsoft.com/defender-endpoint/api/update-alert">Update alert entity API</see>'s name).</summary>
    NotMalicious,

    /// <summary>Not malicious (false positive; <see href="https://learn.microsoft.com/defender-endpoint/api/batch-update-alerts">Batch Update alert entities API</see>'s name).</summary>
    Clean,

    /// <summary>Not enough data to validate (false positive).</summary>
    InsufficientData,

    /// <summary>Other (any classification).</summary>
    Other,
}
