using System.Text.Json;
using DefenderApi.Hunting;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;

namespace DefenderApi.Emulator.Machines.State;

/// <summary>A device's latest signal in the hunting tables, and the local IP of its latest row that names one.</summary>
/// <param name="LastSignal">The newest Timestamp among its device rows, or <see langword="null"/>.</param>
/// <param name="LocalIp">The local address of its newest DeviceNetworkInfo/DeviceNetworkEvents row that has one, or <see langword="null"/>.</param>
internal sealed record DeviceSignal(DateTimeOffset? LastSignal, string? LocalIp);

/// <summary>
/// Reads what the devices sent, from the tenant's hunting tables (one indexed <c>MAX(Timestamp)</c> per table, by
/// tenant and device): <c>DeviceInfo</c>, <c>DeviceNetworkInfo</c> and every device event table.
/// </summary>
internal static class DeviceSignals
{
    /// <summary>The tables whose rows are signals of a device: the device tables with a Timestamp, without the alert tables.</summary>
    public static IReadOnlyList<HuntingTable> SignalTables { get; } =
        [.. HuntingSchema.Default.Tables.Where(t => !t.IsSnapshot && t.Find("DeviceId") is not null && t.Find("Timestamp") is not null
            && t.Name is not ("AlertInfo" or "AlertEvidence" or "DeviceFileCertificateInfo"))];

    /// <summary>The latest signal of each device (all devices of the tenant when <paramref name="deviceIds"/> is <see langword="null"/>).</summary>
    /// <param name="connection">An open connection with the hunting tables created.</param>
    /// <param name="transaction">The transaction open on it, if any.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="deviceIds">The devices, or <see langword="null"/> for all.</param>
    /// <returns>The signals, by device id (devices without rows are absent).</returns>
    public static Dictionary<string, DeviceSignal> Read(SqliteConnection connection, SqliteTransaction? transaction, string tenantId, IReadOnlyCollection<string>? deviceIds)
    {
        var latest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in SignalTables)
        {
            Query(connection, transaction, tenantId, deviceIds, table.Name, null, (device, ticks, _) =>
            {
                if (!latest.TryGetValue(device, out var known) || ticks > known)
                {
                    latest[device] = ticks;
                }
            });
        }

        var ips = new Dictionary<string, (long Ticks, string Ip)>(StringComparer.Ordinal);
        void Keep(string device, long ticks, string? ip)
        {
            if (ip is not null && (!ips.TryGetValue(device, out var known) || ticks > known.Ticks))
            {
                ips[device] = (ticks, ip);
            }
        }

        Query(connection, transaction, tenantId, deviceIds, "DeviceNetworkInfo", "IPAddresses", (device, ticks, value) => Keep(device, ticks, FirstAddress(value)));
        Query(connection, transaction, tenantId, deviceIds, "DeviceNetworkEvents", "LocalIP", Keep);
        return latest.ToDictionary(
            p => p.Key,
            p => new DeviceSignal(new DateTimeOffset(p.Value, TimeSpan.Zero), ips.TryGetValue(p.Key, out var ip) ? ip.Ip : null),
            StringComparer.Ordinal);
    }

    // The newest row per device (SQLite returns the other column from the row that has the MAX); with a column, only rows where it is set.
    // For some devices no "Timestamp IS NOT NULL" term (MAX skips NULLs, and a device whose rows all lack one reads as NULL, skipped below):
    // with it SQLite's planner took the (tenant, Timestamp) index as a range and walked every row of the tenant's table
    // for each of the 17 tables, which was half of a scenario step's time; without it, it seeks (tenant, device).
    private static void Query(
        SqliteConnection connection, SqliteTransaction? transaction, string tenantId, IReadOnlyCollection<string>? deviceIds, string table, string? column,
        Action<string, long, string?> found)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql(table, column, deviceIds?.Count);
        command.Parameters.AddWithValue("$tenant", tenantId);
        foreach (var (id, index) in (deviceIds ?? []).Select((id, index) => (id, index)))
        {
            command.Parameters.AddWithValue($"$d{index}", id);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!reader.IsDBNull(1))
            {
                found(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }
    }

    /// <summary>The statement that reads the newest row per device of a table: parameters <c>$tenant</c> and <c>$d0</c>… for the devices.</summary>
    /// <param name="table">The hunting table.</param>
    /// <param name="column">The column read from the newest row where it is set, or <see langword="null"/>.</param>
    /// <param name="devices">How many devices, or <see langword="null"/> for all of the tenant's.</param>
    /// <returns>The SQL.</returns>
    internal static string Sql(string table, string? column, int? devices)
    {
        // All devices (the seed's refresh) reads every row either way and keeps the plan it always had.
        var only = devices is null ? " AND \"Timestamp\" IS NOT NULL" : $" AND \"DeviceId\" IN ({string.Join(", ", Enumerable.Range(0, devices.Value).Select(i => $"$d{i}"))})";
        var valued = column is null ? string.Empty : $" AND {HuntingDdl.Quote(column)} IS NOT NULL AND {HuntingDdl.Quote(column)} <> ''";
        return $"SELECT \"DeviceId\", MAX(\"Timestamp\"), {(column is null ? "NULL" : HuntingDdl.Quote(column))} FROM {HuntingDdl.Quote(table)} " +
            $"WHERE {HuntingDdl.Quote(HuntingDdl.TenantColumn)} = $tenant AND \"DeviceId\" IS NOT NULL{only}{valued} GROUP BY \"DeviceId\"";
    }

    // DeviceNetworkInfo's IPAddresses: [{"IPAddress":"10.0.0.5","SubnetPrefix":24,"AddressType":"Private"}, ...]; the first IPv4 one, else the first.
    private static string? FirstAddress(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var addresses = document.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("IPAddress", out var ip) && ip.ValueKind == JsonValueKind.String ? ip.GetString() : null)
                .Where(a => !string.IsNullOrEmpty(a)).ToList();
            return addresses.FirstOrDefault(a => !a!.Contains(':', StringComparison.Ordinal)) ?? addresses.FirstOrDefault();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
