using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// Builds incidents as the API writes them: the stored incidents with their alerts (those the caller sees), each
/// alert with its device and its evidence as entities. Four queries per page, however many incidents it holds.
/// </summary>
internal static class IncidentReader
{
    /// <summary>The service source the XDR alert shape gives alerts raised by Defender for Endpoint.</summary>
    public const string EndpointServiceSource = "MicrosoftDefenderATP";

    /// <summary>Loads the alerts, devices and entities of <paramref name="incidents"/> and shapes them.</summary>
    /// <param name="incidents">The incidents, in answer order.</param>
    /// <param name="visibleAlerts">The alerts the caller sees.</param>
    /// <returns>The resources.</returns>
    public static async Task<List<IncidentResource>> ReadAsync(
        EmulatorDbContext db, IReadOnlyList<Incident> incidents, IQueryable<Alert> visibleAlerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incidents);
        if (incidents.Count == 0)
        {
            return [];
        }

        var ids = incidents.Select(i => (long?)i.IncidentId).ToList();
        // No ORDER BY in SQL: ordered by the key (as a split query's Include is), SQLite walks the whole alerts table in
        // key order instead of seeking the incident index; evidence is then sought by its key prefix (tenant, alert).
        // Only the columns the page writes: the alerts' and machines' other columns (JSON ones among them) cost more to
        // materialize than the page costs to write.
        var alerts = await visibleAlerts.Where(a => ids.Contains(a.IncidentId)).Select(a => new AlertRow
        {
            Id = a.Id,
            IncidentId = a.IncidentId,
            MachineId = a.MachineId,
            AlertCreationTime = a.AlertCreationTime,
            LastUpdateTime = a.LastUpdateTime,
            ResolvedTime = a.ResolvedTime,
            FirstEventTime = a.FirstEventTime,
            LastEventTime = a.LastEventTime,
            Title = a.Title,
            Description = a.Description,
            Category = a.Category,
            Status = a.Status,
            Severity = a.Severity,
            InvestigationId = a.InvestigationId,
            InvestigationState = a.InvestigationState,
            Classification = a.Classification,
            Determination = a.Determination,
            DetectionSource = a.DetectionSource,
            AssignedTo = a.AssignedTo,
            ThreatFamilyName = a.ThreatFamilyName,
            MitreTechniques = a.MitreTechniques,
        }).ToListAsync(cancellationToken);
        var alertIds = alerts.Select(a => a.Id).ToList();
        var evidence = (await db.Set<AlertEvidence>().Where(e => alertIds.Contains(e.AlertId)).ToListAsync(cancellationToken))
            .OrderBy(e => e.Sequence).ToLookup(e => e.AlertId, StringComparer.Ordinal);
        var machineIds = alerts.Select(a => a.MachineId).Distinct(StringComparer.Ordinal).ToList();
        var machines = await db.Machines().Where(m => machineIds.Contains(m.Id)).Select(m => new IncidentDeviceResource
        {
            MdatpDeviceId = m.Id,
            AadDeviceId = m.AadDeviceId,
            DeviceDnsName = m.ComputerDnsName,
            OsPlatform = m.OsPlatform,
            Version = m.Version,
            OsProcessor = m.OsProcessor,
            OsBuild = m.OsBuild,
            HealthStatus = m.HealthStatus.ToString(),
            RiskScore = m.RiskScore.HasValue ? m.RiskScore.Value.ToString() : null,
            RbacGroupName = m.RbacGroupName,
            RbacGroupId = m.RbacGroupId,
            FirstSeen = m.FirstSeen,
        }).ToDictionaryAsync(m => m.MdatpDeviceId, StringComparer.Ordinal, cancellationToken);
        var byIncident = alerts.OrderBy(a => a.AlertCreationTime).ThenBy(a => a.Id, StringComparer.Ordinal).ToLookup(a => a.IncidentId!.Value);
        return [.. incidents.Select(i => Shape(i, byIncident[i.IncidentId], machines, evidence))];
    }

    private static IncidentResource Shape(
        Incident incident, IEnumerable<AlertRow> alerts, Dictionary<string, IncidentDeviceResource> machines, ILookup<string, AlertEvidence> evidence) => new()
    {
        IncidentId = incident.IncidentId,
        RedirectIncidentId = incident.RedirectIncidentId,
        IncidentName = incident.IncidentName,
        CreatedTime = incident.CreatedTime,
        LastUpdateTime = incident.LastUpdateTime,
        AssignedTo = incident.AssignedTo,
        Classification = incident.Classification,
        Determination = incident.Determination,
        DetectionSource = incident.DetectionSource,
        Status = incident.Status.ToString(),
        Severity = incident.Severity.ToString(),
        Tags = incident.Tags,
        Comments = incident.Comments,
        Alerts = [.. alerts.Select(a => Shape(a, machines.GetValueOrDefault(a.MachineId), evidence[a.Id]))],
    };

    private static IncidentAlertResource Shape(AlertRow alert, IncidentDeviceResource? machine, IEnumerable<AlertEvidence> evidence) => new()
    {
        AlertId = alert.Id,
        IncidentId = alert.IncidentId,
        ServiceSource = EndpointServiceSource,
        CreationTime = alert.AlertCreationTime,
        LastUpdatedTime = alert.LastUpdateTime,
        ResolvedTime = alert.ResolvedTime,
        FirstActivity = alert.FirstEventTime,
        LastActivity = alert.LastEventTime,
        Title = alert.Title,
        Description = alert.Description,
        Category = alert.Category,
        Status = alert.Status.ToString(),
        Severity = alert.Severity.ToString(),
        InvestigationId = alert.InvestigationId,
        InvestigationState = alert.InvestigationState,
        Classification = alert.Classification?.ToString(),
        Determination = alert.Determination?.ToString(),
        DetectionSource = alert.DetectionSource,
        AssignedTo = alert.AssignedTo,
        ActorName = null,
        ThreatFamilyName = alert.ThreatFamilyName,
        MitreTechniques = alert.MitreTechniques,
        Devices = machine is null ? [] : [machine],
        Entities = [.. evidence.Select(e => Entity(e, alert.MachineId))],
    };

    // File and process entities were seen on the alert's device; the page's example leaves deviceId null on the others.
    private static IncidentEntityResource Entity(AlertEvidence evidence, string machineId) => new()
    {
        EntityType = evidence.EntityType,
        Sha1 = evidence.Sha1,
        Sha256 = evidence.Sha256,
        FileName = evidence.FileName,
        FilePath = evidence.FilePath,
        ProcessId = evidence.ProcessId,
        ProcessCommandLine = evidence.ProcessCommandLine,
        ProcessCreationTime = evidence.ProcessCreationTime,
        ParentProcessId = evidence.ParentProcessId,
        ParentProcessCreationTime = evidence.ParentProcessCreationTime,
        IpAddress = evidence.IpAddress,
        Url = evidence.Url,
        AccountName = evidence.AccountName,
        DomainName = evidence.DomainName,
        UserSid = evidence.UserSid,
        AadUserId = evidence.AadUserId,
        UserPrincipalName = evidence.UserPrincipalName,
        MailboxAddress = evidence.EntityType is "User" or "MailBox" ? evidence.UserPrincipalName : null,
        RegistryHive = evidence.RegistryHive,
        RegistryKey = evidence.RegistryKey,
        RegistryValueType = evidence.RegistryValueType,
        RegistryValue = evidence.RegistryValue,
        DeviceId = evidence.EntityType is "File" or "Process" ? machineId : null,
    };

    // The alert columns an incident page writes.
    private sealed class AlertRow
    {
        public required string Id { get; init; }
        public long? IncidentId { get; init; }
        public required string MachineId { get; init; }
        public DateTimeOffset AlertCreationTime { get; init; }
        public DateTimeOffset LastUpdateTime { get; init; }
        public DateTimeOffset? ResolvedTime { get; init; }
        public DateTimeOffset? FirstEventTime { get; init; }
        public DateTimeOffset? LastEventTime { get; init; }
        public required string Title { get; init; }
        public required string Description { get; init; }
        public required string Category { get; init; }
        public AlertStatus Status { get; init; }
        public AlertSeverity Severity { get; init; }
        public long? InvestigationId { get; init; }
        public string? InvestigationState { get; init; }
        public AlertClassification? Classification { get; init; }
        public AlertDetermination? Determination { get; init; }
        public required string DetectionSource { get; init; }
        public string? AssignedTo { get; init; }
        public string? ThreatFamilyName { get; init; }
        public required List<string> MitreTechniques { get; init; }
    }
}
