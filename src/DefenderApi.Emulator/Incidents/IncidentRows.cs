using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// The row reads of an incident page: alerts, their evidence as entities, their devices. Each query's SQL is EF Core's
/// (tenant filter, the caller's device groups, the key lists); the rows are read by <see cref="SqliteQueryCursor"/>
/// column by column as SQLite stores them (text, integers, ticks), without EF Core's materializer.
/// </summary>
internal static class IncidentRows
{
    private static readonly string[] AlertColumns =
    [
        "Id", "IncidentId", "MachineId", "AlertCreationTime", "LastUpdateTime", "ResolvedTime", "FirstEventTime", "LastEventTime", "Title",
        "Description", "Category", "Status", "Severity", "InvestigationId", "InvestigationState", "Classification", "Determination",
        "DetectionSource", "AssignedTo", "ThreatFamilyName", "MitreTechniques",
    ];

    private static readonly string[] EntityColumns =
    [
        "AlertId", "Sequence", "EntityType", "Sha1", "Sha256", "FileName", "FilePath", "ProcessId", "ProcessCommandLine", "ProcessCreationTime",
        "ParentProcessId", "ParentProcessCreationTime", "IpAddress", "Url", "AccountName", "DomainName", "UserSid", "AadUserId",
        "UserPrincipalName", "RegistryHive", "RegistryKey", "RegistryValueType", "RegistryValue",
    ];

    private static readonly string[] DeviceColumns =
    [
        "Id", "AadDeviceId", "ComputerDnsName", "OsPlatform", "Version", "OsProcessor", "OsBuild", "HealthStatus", "RiskScore",
        "RbacGroupName", "RbacGroupId", "FirstSeen",
    ];

    /// <summary>The alerts of <paramref name="alerts"/>, with the columns an incident page writes.</summary>
    /// <param name="alerts">The alerts (filtered by incident and by what the caller sees).</param>
    /// <param name="location">The database.</param>
    /// <returns>The rows, in no particular order.</returns>
    public static async Task<List<AlertRow>> AlertsAsync(IQueryable<Alert> alerts, DatabaseLocation location)
    {
        var query = alerts.Select(a => new
        {
            a.Id, a.IncidentId, a.MachineId, a.AlertCreationTime, a.LastUpdateTime, a.ResolvedTime, a.FirstEventTime, a.LastEventTime, a.Title,
            a.Description, a.Category, a.Status, a.Severity, a.InvestigationId, a.InvestigationState, a.Classification, a.Determination,
            a.DetectionSource, a.AssignedTo, a.ThreatFamilyName, a.MitreTechniques,
        });
        await using var cursor = SqliteQueryCursor.Open(query, location);
        var c = Map(cursor, AlertColumns);
        var rows = new List<AlertRow>();
        while (cursor.Read())
        {
            rows.Add(new AlertRow
            {
                Id = Text(cursor, c[0])!,
                IncidentId = Integer(cursor, c[1]),
                MachineId = Text(cursor, c[2])!,
                CreationTime = Instant(cursor, c[3]),
                LastUpdateTime = Instant(cursor, c[4]),
                ResolvedTime = NullableInstant(cursor, c[5]),
                FirstEventTime = NullableInstant(cursor, c[6]),
                LastEventTime = NullableInstant(cursor, c[7]),
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
                ThreatFamilyName = Text(cursor, c[19]),
                MitreTechniques = Strings(cursor, c[20]),
            });
        }

        return rows;
    }

    /// <summary>The evidence of <paramref name="alerts"/> as incident entities, by alert id.</summary>
    /// <param name="evidence">The evidence rows of the alerts.</param>
    /// <param name="alerts">The alerts (file and process entities carry their alert's device id).</param>
    /// <param name="location">The database.</param>
    /// <returns>Each alert's entities with their sequence numbers, in read order.</returns>
    public static async Task<Dictionary<string, List<EntityRow>>> EntitiesAsync(IQueryable<AlertEvidence> evidence, IReadOnlyList<AlertRow> alerts, DatabaseLocation location)
    {
        var machineOf = alerts.ToDictionary(a => a.Id, a => a.MachineId, StringComparer.Ordinal);
        var query = evidence.Select(e => new
        {
            e.AlertId, e.Sequence, e.EntityType, e.Sha1, e.Sha256, e.FileName, e.FilePath, e.ProcessId, e.ProcessCommandLine, e.ProcessCreationTime,
            e.ParentProcessId, e.ParentProcessCreationTime, e.IpAddress, e.Url, e.AccountName, e.DomainName, e.UserSid, e.AadUserId,
            e.UserPrincipalName, e.RegistryHive, e.RegistryKey, e.RegistryValueType, e.RegistryValue,
        });
        await using var cursor = SqliteQueryCursor.Open(query, location);
        var c = Map(cursor, EntityColumns);
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

    /// <summary>The devices of <paramref name="machines"/>, by machine id.</summary>
    /// <param name="machines">The machines.</param>
    /// <param name="location">The database.</param>
    /// <returns>The devices.</returns>
    public static async Task<Dictionary<string, IncidentDeviceResource>> DevicesAsync(IQueryable<Machine> machines, DatabaseLocation location)
    {
        var query = machines.Select(m => new
        {
            m.Id, m.AadDeviceId, m.ComputerDnsName, m.OsPlatform, m.Version, m.OsProcessor, m.OsBuild, m.HealthStatus, m.RiskScore,
            m.RbacGroupName, m.RbacGroupId, m.FirstSeen,
        });
        await using var cursor = SqliteQueryCursor.Open(query, location);
        var c = Map(cursor, DeviceColumns);
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
    private static int[] Map(SqliteQueryCursor cursor, string[] names) =>
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
            : throw new InvalidOperationException($"The incident page's SQL lacks a column of: {string.Join(", ", names)}.");

    private static string? Text(SqliteQueryCursor cursor, int column) => cursor.IsNull(column) ? null : Encoding.UTF8.GetString(cursor.Bytes(column));

    private static long? Integer(SqliteQueryCursor cursor, int column) => cursor.IsNull(column) ? null : cursor.Int64(column);

    // Instants are stored as UTC ticks (UtcTicksConverter).
    private static DateTimeOffset Instant(SqliteQueryCursor cursor, int column) => new(cursor.Int64(column), TimeSpan.Zero);

    private static DateTimeOffset? NullableInstant(SqliteQueryCursor cursor, int column) => cursor.IsNull(column) ? null : Instant(cursor, column);

    // A primitive collection is stored as a JSON array of strings.
    private static IReadOnlyList<string> Strings(SqliteQueryCursor cursor, int column)
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

    /// <summary>The alert columns an incident page writes, as stored (enums by name).</summary>
    internal sealed class AlertRow
    {
        public required string Id { get; init; }

        public long? IncidentId { get; init; }

        public required string MachineId { get; init; }

        public DateTimeOffset CreationTime { get; init; }

        public DateTimeOffset LastUpdateTime { get; init; }

        public DateTimeOffset? ResolvedTime { get; init; }

        public DateTimeOffset? FirstEventTime { get; init; }

        public DateTimeOffset? LastEventTime { get; init; }

        public required string Title { get; init; }

        public required string Description { get; init; }

        public required string Category { get; init; }

        public required string Status { get; init; }

        public required string Severity { get; init; }

        public long? InvestigationId { get; init; }

        public string? InvestigationState { get; init; }

        public string? Classification { get; init; }

        public string? Determination { get; init; }

        public required string DetectionSource { get; init; }

        public string? AssignedTo { get; init; }

        public string? ThreatFamilyName { get; init; }

        public required IReadOnlyList<string> MitreTechniques { get; init; }
    }

    /// <summary>An entity with the evidence sequence number that orders it.</summary>
    /// <param name="Sequence">The evidence's position in its alert.</param>
    /// <param name="Entity">The entity.</param>
    internal readonly record struct EntityRow(int Sequence, IncidentEntityResource Entity);
}
