using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// Builds incidents as the API writes them: the stored incidents with their alerts (those the caller sees), each
/// alert with its device and its evidence as entities. Three queries per page, however many incidents it holds.
/// </summary>
public static class IncidentReader
{
    /// <summary>The service source the XDR alert shape gives alerts raised by Defender for Endpoint.</summary>
    public const string EndpointServiceSource = "MicrosoftDefenderATP";

    /// <summary>Loads the alerts, devices and entities of <paramref name="incidents"/> and shapes them.</summary>
    /// <param name="db">The store.</param>
    /// <param name="incidents">The incidents, in answer order.</param>
    /// <param name="visibleAlerts">The alerts the caller sees.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
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
        var alerts = await visibleAlerts.Where(a => ids.Contains(a.IncidentId))
            .Include(a => a.Evidence.OrderBy(e => e.Sequence))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var machineIds = alerts.Select(a => a.MachineId).Distinct(StringComparer.Ordinal).ToList();
        var machines = await db.Machines().Where(m => machineIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, cancellationToken);
        var byIncident = alerts.OrderBy(a => a.AlertCreationTime).ThenBy(a => a.Id, StringComparer.Ordinal).ToLookup(a => a.IncidentId!.Value);
        return [.. incidents.Select(i => Shape(i, byIncident[i.IncidentId], machines))];
    }

    private static IncidentResource Shape(Incident incident, IEnumerable<Alert> alerts, Dictionary<string, Machine> machines) => new()
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
        Alerts = [.. alerts.Select(a => Shape(a, machines.GetValueOrDefault(a.MachineId)))],
    };

    private static IncidentAlertResource Shape(Alert alert, Machine? machine) => new()
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
        Devices = machine is null ? [] : [Device(machine)],
        Entities = [.. alert.Evidence.Select(e => Entity(e, alert.MachineId))],
    };

    private static IncidentDeviceResource Device(Machine machine) => new()
    {
        MdatpDeviceId = machine.Id,
        AadDeviceId = machine.AadDeviceId,
        DeviceDnsName = machine.ComputerDnsName,
        OsPlatform = machine.OsPlatform,
        Version = machine.Version,
        OsProcessor = machine.OsProcessor,
        OsBuild = machine.OsBuild,
        HealthStatus = machine.HealthStatus.ToString(),
        RiskScore = machine.RiskScore?.ToString(),
        RbacGroupName = machine.RbacGroupName,
        RbacGroupId = machine.RbacGroupId,
        FirstSeen = machine.FirstSeen,
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
}
