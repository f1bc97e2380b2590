namespace DefenderApi.Client.Models;

public static partial class DefenderModelFactory
{
    /// <summary>An <see cref="Models.Incident"/> for tests.</summary>
    /// <param name="incidentId">Incident id.</param>
    /// <param name="incidentName">Name.</param>
    /// <param name="createdTime">Creation time.</param>
    /// <param name="lastUpdateTime">Last update time.</param>
    /// <param name="assignedTo">Owner.</param>
    /// <param name="classification">Classification.</param>
    /// <param name="determination">Determination.</param>
    /// <param name="detectionSource">Detection source.</param>
    /// <param name="status">Status.</param>
    /// <param name="severity">Severity.</param>
    /// <param name="redirectIncidentId">The incident this one was merged into.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="comments">Comments.</param>
    /// <param name="alerts">Alerts.</param>
    /// <returns>The incident.</returns>
    public static Incident Incident(long incidentId = 0, string? incidentName = null, DateTimeOffset? createdTime = null, DateTimeOffset? lastUpdateTime = null,
        string? assignedTo = null, string? classification = null, string? determination = null, string? detectionSource = null, string? status = null,
        string? severity = null, long? redirectIncidentId = null, IReadOnlyList<string>? tags = null, IReadOnlyList<AlertComment>? comments = null,
        IReadOnlyList<IncidentAlert>? alerts = null) => new()
    {
        IncidentId = incidentId,
        RedirectIncidentId = redirectIncidentId,
        IncidentName = incidentName,
        CreatedTime = createdTime,
        LastUpdateTime = lastUpdateTime,
        AssignedTo = assignedTo,
        Classification = classification,
        Determination = determination,
        DetectionSource = detectionSource,
        Status = status,
        Severity = severity,
        Tags = tags ?? [],
        Comments = comments ?? [],
        Alerts = alerts ?? [],
    };

    /// <summary>An <see cref="Models.IncidentAlert"/> for tests.</summary>
    /// <param name="alertId">Alert id.</param>
    /// <param name="incidentId">Incident id.</param>
    /// <param name="title">Title.</param>
    /// <param name="severity">Severity.</param>
    /// <param name="status">Status.</param>
    /// <param name="serviceSource">Service source.</param>
    /// <param name="detectionSource">Detection source.</param>
    /// <param name="category">Category.</param>
    /// <param name="creationTime">Creation time.</param>
    /// <param name="lastUpdatedTime">Last update time.</param>
    /// <param name="assignedTo">Owner.</param>
    /// <param name="devices">Devices.</param>
    /// <param name="entities">Entities.</param>
    /// <returns>The alert.</returns>
    public static IncidentAlert IncidentAlert(string? alertId = null, long? incidentId = null, string? title = null, string? severity = null, string? status = null,
        string? serviceSource = null, string? detectionSource = null, string? category = null, DateTimeOffset? creationTime = null,
        DateTimeOffset? lastUpdatedTime = null, string? assignedTo = null, IReadOnlyList<IncidentDevice>? devices = null,
        IReadOnlyList<IncidentEntity>? entities = null) => new()
    {
        AlertId = alertId,
        IncidentId = incidentId,
        Title = title,
        Severity = severity,
        Status = status,
        ServiceSource = serviceSource,
        DetectionSource = detectionSource,
        Category = category,
        CreationTime = creationTime,
        LastUpdatedTime = lastUpdatedTime,
        AssignedTo = assignedTo,
        Devices = devices ?? [],
        Entities = entities ?? [],
    };

    /// <summary>An <see cref="Models.IncidentEntity"/> for tests (the common fields; use <c>with</c> for the others).</summary>
    /// <param name="entityType">Entity type.</param>
    /// <param name="sha1">SHA-1.</param>
    /// <param name="fileName">File name.</param>
    /// <param name="ipAddress">IP address.</param>
    /// <param name="url">URL.</param>
    /// <param name="accountName">Account name.</param>
    /// <param name="userPrincipalName">UPN.</param>
    /// <param name="deviceId">Device id.</param>
    /// <returns>The entity.</returns>
    public static IncidentEntity IncidentEntity(string? entityType = null, string? sha1 = null, string? fileName = null, string? ipAddress = null,
        string? url = null, string? accountName = null, string? userPrincipalName = null, string? deviceId = null) => new()
    {
        EntityType = entityType,
        Sha1 = sha1,
        FileName = fileName,
        IpAddress = ipAddress,
        Url = url,
        AccountName = accountName,
        UserPrincipalName = userPrincipalName,
        DeviceId = deviceId,
    };
}
