using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// The row reads of an incident page: alerts, their evidence as entities, their devices. Each query's SQL is EF Core's
/// (tenant filter, the caller's device groups, the key lists); the rows are read by <see cref="SqliteQueryCursor"/>
/// column by column as SQLite stores them (text, integers, ticks), without EF Core's materializer.
/// </summary>
internal static class IncidentRows
{
    private static readonly string[] AlertColumnNames =
    [
        "Id", "IncidentId", "MachineId", "AlertCreationTime", "LastUpdateTime", "ResolvedTime", "FirstEventTime", "LastEventTime", "Title",
        "Description", "Category", "Status", "Severity", "InvestigationId", "InvestigationState", "Classification", "Determination",
        "DetectionSource", "AssignedTo", "ThreatFamilyName", "MitreTechniques",
    ];

    private static readonly string[] EntityColumnNames =
    [
        "AlertId", "Sequence", "EntityType", "Sha1", "Sha256", "FileName", "FilePath", "ProcessId", "ProcessCommandLine", "ProcessCreationTime",
        "ParentProcessId", "ParentProcessCreationTime", "IpAddress", "Url", "AccountName", "DomainName", "UserSid", "AadUserId",
        "UserPrincipalName", "RegistryHive", "RegistryKey", "RegistryValueType", "RegistryValue",
    ];

    private static readonly string[] DeviceColumnNames =
    [
        "Id", "AadDeviceId", "ComputerDnsName", "OsPlatform", "Version", "OsProcessor", "OsBuild", "HealthStatus", "RiskScore",
        "RbacGroupName", "RbacGroupId", "FirstSeen",
    ];

    /// <summary>The alerts of the incidents with the keys bound (a JSON array of incident ids), for callers who see every device group.</summary>
    public static readonly RowListQuery<long?> AlertsByIncident = new(static (db, ids) => AlertColumns(db.Alerts().Where(a => EF.Parameter(ids).Contains(a.IncidentId))), -7_000_000_000_000_000_001);

    /// <summary>The evidence of the alerts with the keys bound (a JSON array of alert ids).</summary>
    public static readonly RowListQuery<string> EvidenceByAlert = new(static (db, ids) => EntityColumns(db.Set<AlertEvidence>().Where(e => EF.Parameter(ids).Contains(e.AlertId))), "row-list-probe-alert");

    /// <summary>The machines with the keys bound (a JSON array of machine ids).</summary>
    public static readonly RowListQuery<string> DevicesById = new(static (db, ids) => DeviceColumns(db.Machines().Where(m => EF.Parameter(ids).Contains(m.Id))), "row-list-probe-machine");

    /// <summary>The columns an incident page writes of <paramref name="alerts"/>.</summary>
    /// <param name="alerts">The alerts.</param>
    /// <returns>The query.</returns>
    public static IQueryable AlertColumns(IQueryable<Alert> alerts) => alerts.Select(a => new
    {
        a.Id, a.IncidentId, a.MachineId, a.AlertCreationTime, a.LastUpdateTime, a.ResolvedTime, a.FirstEventTime, a.LastEventTime, a.Title,
        a.Description, a.Category, a.Status, a.Severity, a.InvestigationId, a.InvestigationState, a.Classification, a.Determination,
        a.DetectionSource, a.AssignedTo, a.ThreatFamilyName, a.MitreTechniques,
    });

    private static IQueryable EntityColumns(IQueryable<AlertEvidence> evidence) => evidence.Select(e => new
    {
        e.AlertId, e.Sequence, e.EntityType, e.Sha1, e.Sha256, e.FileName, e.FilePath, e.ProcessId, e.ProcessCommandLine, e.ProcessCreationTime,
        e.ParentProcessId, e.ParentProcessCreationTime, e.IpAddress, e.Url, e.AccountName, e.DomainName, e.UserSid, e.AadUserId,
        e.UserPrincipalName, e.RegistryHive, e.RegistryKey, e.RegistryValueType, e.RegistryValue,
    });

    private static IQueryable DeviceColumns(IQueryable<Machine> machines) => machines.Select(m => new
    {
        m.Id, m.AadDeviceId, m.ComputerDnsName, m.OsPlatform, m.Version, m.OsProcessor, m.OsBuild, m.HealthStatus, m.RiskScore,
        m.RbacGroupName, m.RbacGroupId, m.FirstSeen,
    });

    /// <summary>The alerts of a cursor over <see cref="AlertColumns"/>, without devices and entities yet.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The rows, in no particular order.</returns>
    public static List<AlertRow> Alerts(SqliteQueryCursor cursor)
    {
        var c = Map(cursor, AlertColumnNames);
        var rows = new List<AlertRow>();
        while (cursor.Read())
        {
            rows.Add(new AlertRow(Text(cursor, c[2])!, new IncidentAlertResource
            {
                AlertId = Text(cursor, c[0])!,
                IncidentId = Integer(cursor, c[1]),
                ServiceSource = IncidentReader.EndpointServiceSource,
                CreationTime = Instant(cursor, c[3]),
                LastUpdatedTime = Instant(cursor, c[4]),
                ResolvedTime = NullableInstant(cursor, c[5]),
                FirstActivity = NullableInstant(cursor, c[6]),
                LastActivity = NullableInstant(cursor, c[7]),
                Title = Text(cursor, c[8])!,
                Description = Text(cursor, c[9])!,
                Category = Text(cursor, c[10])!,
                Status = Text(cursor, c[11])!,
                Severity = Text(cursor, c[12])!,
                InvestigationId = Integer(cursor, c[13]),
                InvestigationState = Text(cursor, c[14]),
                Classification = Text(cursor, c[15]),
                Determination = Text(cursor, c[16]),
                DetectionSource = Text(cursor, c[17])!,
                AssignedTo = Text(cursor, c[18]),
                ActorName = null,
                ThreatFamilyName = Text(cursor, c[19]),
                MitreTechniques = Strings(cursor, c[20]),
                Devices = [],
                Entities = [],
            }));
        }

        return rows;
    }

    /// <summary>The evidence of a cursor over <see cref="EvidenceByAlert"/> as incident entities, by alert id.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <param name="alerts">The alerts (file and process entities carry their alert's device id).</param>
    /// <returns>Each alert's entities with their sequence numbers, in read order.</returns>
    public static Dictionary<string, List<EntityRow>> Entities(SqliteQueryCursor cursor, IReadOnlyList<AlertRow> alerts)
    {
        var machineOf = alerts.ToDictionary(a => a.Alert.AlertId, a => a.MachineId, StringComparer.Ordinal);
        var c = Map(cursor, EntityColumnNames);
        var byAlert = new Dictionary<string, List<EntityRow>>(alerts.Count, StringComparer.Ordinal);
        while (cursor.Read())
        {
            var alertId = Text(cursor, c[0])!;
            var type = Text(cursor, c[2])!;
            var principal = Text(cursor, c[18]);
            var entity = new IncidentEntityResource
            {
                EntityType = type,
                Sha1 = Text(cursor, c[3]),
                Sha256 = Text(cursor, c[4]),
                FileName = Text(cursor, c[5]),
                FilePath = Text(cursor, c[6]),
                ProcessId = Integer(cursor, c[7]),
                ProcessCommandLine = Text(cursor, c[8]),
                ProcessCreationTime = NullableInstant(cursor, c[9]),
                ParentProcessId = Integer(cursor, c[10]),
                ParentProcessCreationTime = NullableInstant(cursor, c[11]),
                IpAddress = Text(cursor, c[12]),
                Url = Text(cursor, c[13]),
                AccountName = Text(cursor, c[14]),
                DomainName = Text(cursor, c[15]),
                UserSid = Text(cursor, c[16]),
                AadUserId = Text(cursor, c[17]),
                UserPrincipalName = principal,
                MailboxAddress = type is "User" or "MailBox" ? principal : null,
                RegistryHive = Text(cursor, c[19]),
                RegistryKey = Text(cursor, c[20]),
                RegistryValueType = Text(cursor, c[21]),
                RegistryValue = Text(cursor, c[22]),
                // File and process entities were seen on the alert's device; the page's example leaves deviceId null on the others.
                DeviceId = type is "File" or "Process" ? machineOf.GetValueOrDefault(alertId) : null,
            };
            if (!byAlert.TryGetValue(alertId, out var list))
            {
                byAlert[alertId] = list = [];
            }

            list.Add(new EntityRow((int)cursor.Int64(c[1]), entity));
        }

        return byAlert;
    }

    /// <summary>The devices of a cursor over <see cref="DevicesById"/>, by machine id.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The devices.</returns>
    public static Dictionary<string, IncidentDeviceResource> Devices(SqliteQueryCursor cursor)
    {
        var c = Map(cursor, DeviceColumnNames);
        var devices = new Dictionary<string, IncidentDeviceResource>(StringComparer.Ordinal);
        while (cursor.Read())
        {
            var device = new IncidentDeviceResource
            {
                MdatpDeviceId = Text(cursor, c[0])!,
                AadDeviceId = cursor.IsNull(c[1]) ? null : OData.Rows.RowLayout.ReadGuid(cursor.Bytes(c[1])),
                DeviceDnsName = Text(cursor, c[2])!,
                OsPlatform = Text(cursor, c[3])!,
                Version = Text(cursor, c[4]),
                OsProcessor = Text(cursor, c[5]),
                OsBuild = Integer(cursor, c[6]),
                HealthStatus = Text(cursor, c[7])!,
                RiskScore = Text(cursor, c[8]),
                RbacGroupName = Text(cursor, c[9]),
                RbacGroupId = Integer(cursor, c[10]),
                FirstSeen = Instant(cursor, c[11]),
            };
            devices[device.MdatpDeviceId] = device;
        }

        return devices;
    }

    /// <summary>An alert's entities in evidence order.</summary>
    /// <param name="rows">The entities with their sequence numbers.</param>
    /// <returns>The entities.</returns>
    public static IncidentEntityResource[] InOrder(List<EntityRow> rows)
    {
        rows.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        var entities = new IncidentEntityResource[rows.Count];
        for (var i = 0; i < entities.Length; i++)
        {
            entities[i] = rows[i].Entity;
        }

        return entities;
    }

    // Where each named column is in the statement's result (EF Core names a projected column after its column).
    internal static int[] Map(SqliteQueryCursor cursor, string[] names) =>
        cursor.Prepared.ColumnMap(names, columns =>
        {
            var positions = new int[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                positions[i] = Array.IndexOf(columns, names[i]);
            }

            return positions;
        }) is { } found && !found.Contains(-1)
            ? found
            : throw new InvalidOperationException($"An incident page's SQL lacks a column of: {string.Join(", ", names)}.");

    internal static string? Text(SqliteQueryCursor cursor, int column) => cursor.IsNull(column) ? null : Encoding.UTF8.GetString(cursor.Bytes(column));

    internal static long? Integer(SqliteQueryCursor cursor, int column) => cursor.IsNull(column) ? null : cursor.Int64(column);

    // Instants are stored as UTC ticks (UtcTicksConverter).
    internal static DateTimeOffset Instant(SqliteQueryCursor cursor, int column) => new(cursor.Int64(column), TimeSpan.Zero);

    private static DateTimeOffset? NullableInstant(SqliteQueryCursor cursor, int column) => cursor.IsNull(column) ? null : Instant(cursor, column);

    // A primitive collection is stored as a JSON array of strings.
    internal static IReadOnlyList<string> Strings(SqliteQueryCursor cursor, int column)
    {
        if (cursor.IsNull(column))
        {
            return [];
        }

        var reader = new Utf8JsonReader(cursor.Bytes(column));
        List<string>? values = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                (values ??= []).Add(reader.GetString()!);
            }
        }

        return values is null ? [] : values;
    }

    /// <summary>An alert of the page, without its devices and entities yet, and its machine.</summary>
    /// <param name="MachineId">The alert's machine.</param>
    /// <param name="Alert">The alert.</param>
    internal readonly record struct AlertRow(string MachineId, IncidentAlertResource Alert);

    /// <summary>An entity with the evidence sequence number that orders it.</summary>
    /// <param name="Sequence">The evidence's position in its alert.</param>
    /// <param name="Entity">The entity.</param>
    internal readonly record struct EntityRow(int Sequence, IncidentEntityResource Entity);
}
