namespace DefenderApi.Client.Models;

/// <summary>An alert (<see href="https://learn.microsoft.com/defender-endpoint/api/alerts">Get alerts API</see>).</summary>
public sealed record Alert
{
    /// <summary>The alert id.</summary>
    public string? Id { get; init; }

    /// <summary>Alert title.</summary>
    public string? Title { get; init; }

    /// <summary>Alert description.</summary>
    public string? Description { get; init; }

    /// <summary>When the alert was created.</summary>
    public DateTimeOffset? AlertCreationTime { get; init; }

    /// <summary>Last occurrence of the triggering event on the device.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>First occurrence of the triggering event on the device.</summary>
    public DateTimeOffset? FirstEventTime { get; init; }

    /// <summary>When the alert was last updated.</summary>
    public DateTimeOffset? LastUpdateTime { get; init; }

    /// <summary>When the alert was resolved.</summary>
    public DateTimeOffset? ResolvedTime { get; init; }

    /// <summary>The incident of the alert.</summary>
    public long? IncidentId { get; init; }

    /// <summary>The automated investigation of the alert.</summary>
    public long? InvestigationId { get; init; }

    /// <summary>State of the investigation.</summary>
    public string? InvestigationState { get; init; }

    /// <summary>Owner of the alert.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; init; }

    /// <summary>MITRE ATT&amp;CK technique ids.</summary>
    public IReadOnlyList<string>? MitreTechniques { get; init; }

    /// <summary>The user related to the alert.</summary>
    public AlertRelatedUser? RelatedUser { get; init; }

    /// <summary><c>UnSpecified</c>, <c>Informational</c>, <c>Low</c>, <c>Medium</c> or <c>High</c>.</summary>
    public string? Severity { get; init; }

    /// <summary><c>Unknown</c>, <c>New</c>, <c>InProgress</c> or <c>Resolved</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Alert classification.</summary>
    public string? Classification { get; init; }

    /// <summary>Alert determination.</summary>
    public string? Determination { get; init; }

    /// <summary>Alert category.</summary>
    public string? Category { get; init; }

    /// <summary>Detection source, e.g. <c>WindowsDefenderAtp</c>.</summary>
    public string? DetectionSource { get; init; }

    /// <summary>Threat family.</summary>
    public string? ThreatFamilyName { get; init; }

    /// <summary>Threat name.</summary>
    public string? ThreatName { get; init; }

    /// <summary>The device of the alert.</summary>
    public string? MachineId { get; init; }

    /// <summary>The device name.</summary>
    public string? ComputerDnsName { get; init; }

    /// <summary>The Microsoft Entra tenant.</summary>
    public string? AadTenantId { get; init; }

    /// <summary>The detector that raised the alert.</summary>
    public string? DetectorId { get; init; }

    /// <summary>Comments on the alert.</summary>
    public IReadOnlyList<AlertComment>? Comments { get; init; }

    /// <summary>Evidence (only when expanded with <c>$expand=evidence</c>).</summary>
    public IReadOnlyList<AlertEvidence>? Evidence { get; init; }
}
