using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// Builds incidents as the API writes them: the stored incidents with their alerts (those the caller sees), each
/// alert with its device and its evidence as entities. Three row reads per page, however many incidents it holds:
/// EF Core writes each SQL statement and <see cref="SqliteQueryCursor"/> runs it on a reader connection, reading
/// only the columns the page writes straight from SQLite (decision 0004: materializing entities through EF Core was
/// four times the cost of writing the page's JSON).
/// </summary>
internal static class IncidentReader
{
    /// <summary>The service source the XDR alert shape gives alerts raised by Defender for Endpoint.</summary>
    public const string EndpointServiceSource = "MicrosoftDefenderATP";

    /// <summary>Loads the alerts, devices and entities of <paramref name="incidents"/> and shapes them.</summary>
    /// <param name="db">The store (it writes the SQL).</param>
    /// <param name="location">The database the rows are read from.</param>
    /// <param name="incidents">The incidents, in answer order.</param>
    /// <param name="visibleAlerts">The alerts the caller sees.</param>
    /// <returns>The resources.</returns>
    public static async Task<List<IncidentResource>> ReadAsync(
        EmulatorDbContext db, DatabaseLocation location, IReadOnlyList<Incident> incidents, IQueryable<Alert> visibleAlerts)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incidents);
        if (incidents.Count == 0)
        {
            return [];
        }

        var ids = incidents.Select(i => (long?)i.IncidentId).ToList();
        // No ORDER BY in SQL: ordered by the key, SQLite walks the whole alerts table in key order instead of seeking
        // the incident index; evidence is then sought by its key prefix (tenant, alert). Callers who see every device
        // group (their alerts are the tenant's set itself) share one prepared statement per tenant; the others' device
        // groups make their own SQL.
        List<IncidentRows.AlertRow> alerts;
        await using (var cursor = visibleAlerts is DbSet<Alert>
            ? SqliteQueryCursor.Open(IncidentRows.AlertsByIncident.For(db), RowListQuery<long?>.Keys(ids), location)
            : SqliteQueryCursor.Open(IncidentRows.AlertColumns(visibleAlerts.Where(a => EF.Parameter(ids).Contains(a.IncidentId))), location))
        {
            alerts = IncidentRows.Alerts(cursor);
        }

        if (alerts.Count == 0)
        {
            return [.. incidents.Select(i => Shape(i, []))];
        }

        Dictionary<string, List<IncidentRows.EntityRow>> entities;
        await using (var cursor = SqliteQueryCursor.Open(IncidentRows.EvidenceByAlert.For(db), RowListQuery<string>.Keys(alerts.Select(a => a.Alert.AlertId)), location))
        {
            entities = IncidentRows.Entities(cursor, alerts);
        }

        Dictionary<string, IncidentDeviceResource> devices;
        var machineIds = alerts.Select(a => a.MachineId).Distinct(StringComparer.Ordinal);
        await using (var cursor = SqliteQueryCursor.Open(IncidentRows.DevicesById.For(db), RowListQuery<string>.Keys(machineIds), location))
        {
            devices = IncidentRows.Devices(cursor);
        }

        var byIncident = alerts.OrderBy(a => a.Alert.CreationTime).ThenBy(a => a.Alert.AlertId, StringComparer.Ordinal)
            .Select(a => Shape(a, devices, entities))
            .ToLookup(a => a.IncidentId!.Value);
        return [.. incidents.Select(i => Shape(i, [.. byIncident[i.IncidentId]]))];
    }

    private static IncidentResource Shape(Incident incident, IReadOnlyList<IncidentAlertResource> alerts) => new()
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
        Alerts = alerts,
    };

    private static IncidentAlertResource Shape(
        IncidentRows.AlertRow row, Dictionary<string, IncidentDeviceResource> devices, Dictionary<string, List<IncidentRows.EntityRow>> entities) => row.Alert with
    {
        Devices = devices.TryGetValue(row.MachineId, out var device) ? [device] : [],
        Entities = entities.TryGetValue(row.Alert.AlertId, out var rows) ? IncidentRows.InOrder(rows) : [],
    };
}
