namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// An incident as the XDR API writes it (property order of "List incidents API in Microsoft Defender XDR",
/// https://learn.microsoft.com/defender-xdr/api-list-incidents).
/// </summary>
internal sealed record IncidentResource
{
    /// <summary>Incident unique id.</summary>
    public long IncidentId { get; init; }

    /// <summary>The incident this one was merged into.</summary>
    public long? RedirectIncidentId { get; init; }

    /// <summary>Name.</summary>
    public required string IncidentName { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedTime { get; init; }

    /// <summary>Last update time.</summary>
    public DateTimeOffset LastUpdateTime { get; init; }

    /// <summary>Owner.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Classification.</summary>
    public required string Classification { get; init; }

    /// <summary>Determination.</summary>
    public required string Determination { get; init; }

    /// <summary>Detection source.</summary>
    public required string DetectionSource { get; init; }

    /// <summary>Status.</summary>
    public required string Status { get; init; }

    /// <summary>Severity.</summary>
    public required string Severity { get; init; }

    /// <summary>Tags.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Comments.</summary>
    public required IReadOnlyList<IncidentComment> Comments { get; init; }

    /// <summary>The alerts, oldest first.</summary>
    public required IReadOnlyList<IncidentAlertResource> Alerts { get; init; }
}

/// <summary>An alert inside an incident (the XDR alert shape).</summary>
internal sealed record IncidentAlertResource
{
    /// <summary>Alert id.</summary>
    public required string AlertId { get; init; }

    /// <summary>Incident id.</summary>
    public long? IncidentId { get; init; }

    /// <summary>The service the alert comes from, e.g. <c>MicrosoftDefenderATP</c>.</summary>
    public required string ServiceSource { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreationTime { get; init; }

    /// <summary>Last update time.</summary>
    public DateTimeOffset LastUpdatedTime { get; init; }

    /// <summary>When resolved.</summary>
    public DateTimeOffset? ResolvedTime { get; init; }

    /// <summary>First activity.</summary>
    public DateTimeOffset? FirstActivity { get; init; }

    /// <summary>Last activity.</summary>
    public DateTimeOffset? LastActivity { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>Description.</summary>
    public required string Description { get; init; }

    /// <summary>Category.</summary>
    public required string Category { get; init; }

    /// <summary>Status.</summary>
    public required string Status { get; init; }

    /// <summary>Severity.</summary>
    public required string Severity { get; init; }

    /// <summary>Automated investigation id.</summary>
    public long? InvestigationId { get; init; }

    /// <summary>Investigation state.</summary>
    public string? InvestigationState { get; init; }

    /// <summary>Classification.</summary>
    public string? Classification { get; init; }

    /// <summary>Determination.</summary>
    public string? Determination { get; init; }

    /// <summary>Detection source.</summary>
    public required string DetectionSource { get; init; }

    /// <summary>Owner.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Activity group.</summary>
    public string? ActorName { get; init; }

    /// <summary>Threat family.</summary>
    public string? ThreatFamilyName { get; init; }

    /// <summary>MITRE techniques.</summary>
    public required IReadOnlyList<string> MitreTechniques { get; init; }

    /// <summary>The alert's devices.</summary>
    public required IReadOnlyList<IncidentDeviceResource> Devices { get; init; }

    /// <summary>The alert's entities.</summary>
    public required IReadOnlyList<IncidentEntityResource> Entities { get; init; }
}

/// <summary>A device of an incident's alert (the list page's example fields).</summary>
internal sealed record IncidentDeviceResource
{
    /// <summary>MDE device id.</summary>
    public required string MdatpDeviceId { get; init; }

    /// <summary>Entra device id.</summary>
    public Guid? AadDeviceId { get; init; }

    /// <summary>DNS name.</summary>
    public required string DeviceDnsName { get; init; }

    /// <summary>OS platform.</summary>
    public required string OsPlatform { get; init; }

    /// <summary>OS version.</summary>
    public string? Version { get; init; }

    /// <summary>Processor.</summary>
    public string? OsProcessor { get; init; }

    /// <summary>OS build.</summary>
    public long? OsBuild { get; init; }

    /// <summary>Health status.</summary>
    public required string HealthStatus { get; init; }

    /// <summary>Risk score.</summary>
    public string? RiskScore { get; init; }

    /// <summary>Device group name.</summary>
    public string? RbacGroupName { get; init; }

    /// <summary>Device group id.</summary>
    public long? RbacGroupId { get; init; }

    /// <summary>First seen.</summary>
    public DateTimeOffset FirstSeen { get; init; }
}

/// <summary>An entity of an incident's alert (the list page's "Entity Format" fields, all written).</summary>
internal sealed record IncidentEntityResource
{
    /// <summary>Entity type.</summary>
    public required string EntityType { get; init; }

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
