namespace DefenderApi.Client.Models;

/// <summary>A Defender XDR incident ("Microsoft Defender XDR incidents API and the incidents resource type").</summary>
public sealed record Incident
{
    /// <summary>Incident id.</summary>
    public long IncidentId { get; init; }

    /// <summary>The incident this one was merged into.</summary>
    public long? RedirectIncidentId { get; init; }

    /// <summary>Name.</summary>
    public string? IncidentName { get; init; }

    /// <summary>When the incident was created.</summary>
    public DateTimeOffset? CreatedTime { get; init; }

    /// <summary>When the incident was last updated (poll on it to find changes).</summary>
    public DateTimeOffset? LastUpdateTime { get; init; }

    /// <summary>Owner.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Classification, e.g. <c>Unknown</c>, <c>TruePositive</c>.</summary>
    public string? Classification { get; init; }

    /// <summary>Determination, e.g. <c>NotAvailable</c>, <c>Malware</c>.</summary>
    public string? Determination { get; init; }

    /// <summary>Detection source.</summary>
    public string? DetectionSource { get; init; }

    /// <summary><c>Active</c>, <c>InProgress</c>, <c>Resolved</c> or <c>Redirected</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Severity; it can change as alerts are added.</summary>
    public string? Severity { get; init; }

    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Comments.</summary>
    public IReadOnlyList<AlertComment> Comments { get; init; } = [];

    /// <summary>The incident's alerts.</summary>
    public IReadOnlyList<IncidentAlert> Alerts { get; init; } = [];
}

/// <summary>An alert inside an incident (the XDR alert shape).</summary>
public sealed record IncidentAlert
{
    /// <summary>Alert id.</summary>
    public string? AlertId { get; init; }

    /// <summary>Incident id.</summary>
    public long? IncidentId { get; init; }

    /// <summary>The service the alert comes from, e.g. <c>MicrosoftDefenderATP</c>.</summary>
    public string? ServiceSource { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>Last update time.</summary>
    public DateTimeOffset? LastUpdatedTime { get; init; }

    /// <summary>When resolved.</summary>
    public DateTimeOffset? ResolvedTime { get; init; }

    /// <summary>First activity.</summary>
    public DateTimeOffset? FirstActivity { get; init; }

    /// <summary>Last activity.</summary>
    public DateTimeOffset? LastActivity { get; init; }

    /// <summary>Title.</summary>
    public string? Title { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Category.</summary>
    public string? Category { get; init; }

    /// <summary>Status.</summary>
    public string? Status { get; init; }

    /// <summary>Severity.</summary>
    public string? Severity { get; init; }

    /// <summary>Automated investigation id.</summary>
    public long? InvestigationId { get; init; }

    /// <summary>Investigation state.</summary>
    public string? InvestigationState { get; init; }

    /// <summary>Classification.</summary>
    public string? Classification { get; init; }

    /// <summary>Determination.</summary>
    public string? Determination { get; init; }

    /// <summary>Detection source.</summary>
    public string? DetectionSource { get; init; }

    /// <summary>Owner.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Activity group.</summary>
    public string? ActorName { get; init; }

    /// <summary>Threat family.</summary>
    public string? ThreatFamilyName { get; init; }

    /// <summary>MITRE techniques.</summary>
    public IReadOnlyList<string> MitreTechniques { get; init; } = [];

    /// <summary>Devices.</summary>
    public IReadOnlyList<IncidentDevice> Devices { get; init; } = [];

    /// <summary>Entities.</summary>
    public IReadOnlyList<IncidentEntity> Entities { get; init; } = [];
}

/// <summary>A device of an incident's alert.</summary>
public sealed record IncidentDevice
{
    /// <summary>Defender for Endpoint device id.</summary>
    public string? MdatpDeviceId { get; init; }

    /// <summary>Entra device id.</summary>
    public string? AadDeviceId { get; init; }

    /// <summary>DNS name.</summary>
    public string? DeviceDnsName { get; init; }

    /// <summary>OS platform.</summary>
    public string? OsPlatform { get; init; }

    /// <summary>OS version.</summary>
    public string? Version { get; init; }

    /// <summary>Processor.</summary>
    public string? OsProcessor { get; init; }

    /// <summary>OS build.</summary>
    public long? OsBuild { get; init; }

    /// <summary>Health status.</summary>
    public string? HealthStatus { get; init; }

    /// <summary>Risk score.</summary>
    public string? RiskScore { get; init; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; init; }

    /// <summary>Device group id.</summary>
    public long? RbacGroupId { get; init; }

    /// <summary>First seen.</summary>
    public DateTimeOffset? FirstSeen { get; init; }
}

/// <summary>An entity of an incident's alert (which fields are set depends on <see cref="EntityType"/>).</summary>
public sealed record IncidentEntity
{
    /// <summary><c>User</c>, <c>Ip</c>, <c>Url</c>, <c>File</c>, <c>Process</c>, <c>MailBox</c>, ...</summary>
    public string? EntityType { get; init; }

    /// <summary>SHA-1.</summary>
    public string? Sha1 { get; init; }

    /// <summary>SHA-256.</summary>
    public string? Sha256 { get; init; }

    /// <summary>File name.</summary>
    public string? FileName { get; init; }

    /// <summary>File path.</summary>
    public string? FilePath { get; init; }

    /// <summary>Process id.</summary>
    public long? ProcessId { get; init; }

    /// <summary>Command line.</summary>
    public string? ProcessCommandLine { get; init; }

    /// <summary>Process creation time.</summary>
    public DateTimeOffset? ProcessCreationTime { get; init; }

    /// <summary>Parent process id.</summary>
    public long? ParentProcessId { get; init; }

    /// <summary>Parent process creation time.</summary>
    public DateTimeOffset? ParentProcessCreationTime { get; init; }

    /// <summary>IP address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>URL.</summary>
    public string? Url { get; init; }

    /// <summary>Account name.</summary>
    public string? AccountName { get; init; }

    /// <summary>Domain.</summary>
    public string? DomainName { get; init; }

    /// <summary>User SID.</summary>
    public string? UserSid { get; init; }

    /// <summary>Entra user id.</summary>
    public string? AadUserId { get; init; }

    /// <summary>UPN.</summary>
    public string? UserPrincipalName { get; init; }

    /// <summary>Mailbox display name.</summary>
    public string? MailboxDisplayName { get; init; }

    /// <summary>Mailbox address.</summary>
    public string? MailboxAddress { get; init; }

    /// <summary>Mail cluster criteria.</summary>
    public string? ClusterBy { get; init; }

    /// <summary>Sender.</summary>
    public string? Sender { get; init; }

    /// <summary>Recipient.</summary>
    public string? Recipient { get; init; }

    /// <summary>Subject.</summary>
    public string? Subject { get; init; }

    /// <summary>Delivery action.</summary>
    public string? DeliveryAction { get; init; }

    /// <summary>Security group id.</summary>
    public string? SecurityGroupId { get; init; }

    /// <summary>Security group name.</summary>
    public string? SecurityGroupName { get; init; }

    /// <summary>Registry hive.</summary>
    public string? RegistryHive { get; init; }

    /// <summary>Registry key.</summary>
    public string? RegistryKey { get; init; }

    /// <summary>Registry value type.</summary>
    public string? RegistryValueType { get; init; }

    /// <summary>Registry value.</summary>
    public string? RegistryValue { get; init; }

    /// <summary>The device the entity was seen on.</summary>
    public string? DeviceId { get; init; }
}

/// <summary>
/// The properties <c>GET /api/incidents</c> filters on, and only those: a filter lambda over this type cannot name a
/// property the service refuses. Use it as <c>new ODataQuery&lt;IncidentFilter&gt;().Filter(i =&gt; i.Status == "Active")</c>.
/// </summary>
public sealed record IncidentFilter
{
    /// <summary>When the incident was last updated.</summary>
    public DateTimeOffset? LastUpdateTime { get; init; }

    /// <summary>When the incident was created.</summary>
    public DateTimeOffset? CreatedTime { get; init; }

    /// <summary>Status.</summary>
    public string? Status { get; init; }

    /// <summary>Owner.</summary>
    public string? AssignedTo { get; init; }
}
