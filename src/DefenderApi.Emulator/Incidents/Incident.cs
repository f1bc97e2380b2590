using System.Text.Json.Serialization;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// An incident as stored: what a caller sets (owner, classification, determination, tags, comments, status) and what
/// <see cref="IncidentAssignment"/> derives from the incident's alerts (name, created and last-update time, severity,
/// detection source, resolved/reopened status). The alerts themselves are read from the alerts table when answering
/// ("Microsoft Defender XDR incidents API and the incidents resource type",
/// https://learn.microsoft.com/defender-xdr/api-incident).
/// </summary>
internal sealed class Incident : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>Incident unique id.</summary>
    public long IncidentId { get; set; }

    /// <summary>The incident this one was merged into.</summary>
    public long? RedirectIncidentId { get; set; }

    /// <summary>Name (derived from the alerts).</summary>
    public string IncidentName { get; set; } = string.Empty;

    /// <summary>When the incident was created: its first alert's creation time.</summary>
    public DateTimeOffset CreatedTime { get; set; }

    /// <summary>When the incident or one of its alerts last changed.</summary>
    public DateTimeOffset LastUpdateTime { get; set; }

    /// <summary>Owner.</summary>
    public string? AssignedTo { get; set; }

    /// <summary><c>Unknown</c> until set; then the name the update was given.</summary>
    public string Classification { get; set; } = IncidentChangeRules.UnknownClassification;

    /// <summary><c>NotAvailable</c> until set.</summary>
    public string Determination { get; set; } = IncidentChangeRules.NoDetermination;

    /// <summary>The alerts' detection source, or <c>MultipleSources</c>.</summary>
    public string DetectionSource { get; set; } = string.Empty;

    /// <summary>Status.</summary>
    public IncidentStatus Status { get; set; }

    /// <summary>Severity (derived from the alerts).</summary>
    public AlertSeverity Severity { get; set; }

    /// <summary>Custom tags.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Comments, oldest first.</summary>
    public List<IncidentComment> Comments { get; set; } = [];
}

/// <summary>A comment on an incident.</summary>
internal sealed class IncidentComment
{
    /// <summary>The text.</summary>
    public string Comment { get; set; } = string.Empty;

    /// <summary>Who wrote it.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset CreatedTime { get; set; }
}

/// <summary>Incident status.</summary>
internal enum IncidentStatus
{
    /// <summary>Active.</summary>
    Active,

    /// <summary>In progress.</summary>
    InProgress,

    /// <summary>Resolved.</summary>
    Resolved,

    /// <summary>Merged into another incident.</summary>
    Redirected,
}
