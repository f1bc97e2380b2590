using System.Text.Json;
using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Hunting;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Hunting;

/// <summary>
/// Keeps AlertInfo/AlertEvidence the mirror of the alerts API for alerts that do not come through
/// <c>CreateAlertByReference</c>: alerts loaded through the admin API (a reload replaces their rows) and alerts a
/// scenario re-labels after creating them (detection source, threat family).
/// </summary>
internal sealed class HuntingAlertSync(EmulatorDbContext db, HuntingTables tables) : IDataLoadObserver
{
    /// <inheritdoc />
    public async Task LoadedAsync(string collection, IReadOnlyList<JsonElement> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!string.Equals(collection, "alerts", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ids = items.Select(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        await ReplaceAsync(ids, cancellationToken);
    }

    /// <summary>Writes the AlertInfo/AlertEvidence rows of these alerts again from the stored alerts.</summary>
    /// <param name="alertIds">The alerts.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task ReplaceAsync(IReadOnlyCollection<string> alertIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        if (alertIds.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        tables.EnsureCreated(connection);
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var tenant = db.CurrentTenantId.ToString();
        foreach (var table in (string[])["AlertInfo", "AlertEvidence"])
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {HuntingDdl.Quote(table)} WHERE {HuntingDdl.Quote(HuntingDdl.TenantColumn)} = $tenant AND \"AlertId\" IN " +
                $"({string.Join(", ", alertIds.Select((_, i) => $"$a{i}"))})";
            delete.Parameters.AddWithValue("$tenant", tenant);
            foreach (var (id, index) in alertIds.Select((id, index) => (id, index)))
            {
                delete.Parameters.AddWithValue($"$a{index}", id);
            }

            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var alerts = await db.Alerts().Include(a => a.Evidence).Where(a => alertIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var machineIds = alerts.Select(a => a.MachineId).Distinct().ToList();
        var machines = await db.Machines().Where(m => machineIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var alert in alerts)
        {
            var device = machines.TryGetValue(alert.MachineId, out var machine)
                ? new HuntingDevice(machine.Id, machine.ComputerDnsName, machine.OsPlatform)
                : new HuntingDevice(alert.MachineId, alert.ComputerDnsName ?? string.Empty, string.Empty);
            HuntingAlertRows.Append(connection, transaction, tenant, alert.ToHunting(), device);
        }
    }
}
