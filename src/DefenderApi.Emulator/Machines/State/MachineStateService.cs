using System.Runtime.CompilerServices;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DefenderApi.Emulator.Machines.State;

/// <summary>
/// The one place that recomputes machines' derived fields from the store (<see cref="MachineDerivation"/>): the
/// seeder, the alert paths, the admin data load and the scenarios call it with the devices a change touched and the
/// facets it can move. Reads are indexed by tenant and device; the machines are saved by this call.
/// </summary>
internal sealed class MachineStateService(EmulatorDbContext db, HuntingTables tables, TimeProvider time)
{
    private static readonly string[] DerivedProperties =
        [nameof(Machine.RiskScore), nameof(Machine.ExposureLevel), nameof(Machine.LastSeen), nameof(Machine.LastIpAddress), nameof(Machine.HealthStatus)];

    /// <summary>Recomputes some devices (unknown ids are skipped).</summary>
    /// <param name="machineIds">The devices.</param>
    /// <param name="facets">What the change can have moved.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The machines, recomputed and saved (tracked).</returns>
    public async Task<IReadOnlyList<Machine>> RefreshAsync(IEnumerable<string> machineIds, MachineFacets facets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(machineIds);
        var ids = machineIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || facets == MachineFacets.None)
        {
            return [];
        }

        var machines = await db.Machines().AsTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        await ApplyAsync(machines, ids, facets, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return machines;
    }

    /// <summary>Recomputes every device of the tenant (the demo seed's last step).</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        // Thousands of machines: only the columns the rules read, and one prepared UPDATE per row instead of the change tracker.
        var machines = await db.Machines().AsNoTracking().Select(m => new Machine
        {
            TenantId = m.TenantId, Id = m.Id, LastSeen = m.LastSeen, LastIpAddress = m.LastIpAddress, HealthStatus = m.HealthStatus,
            OnboardingStatus = m.OnboardingStatus, RiskScore = m.RiskScore, ExposureLevel = m.ExposureLevel,
        }).ToListAsync(cancellationToken);
        await ApplyAsync(machines, null, MachineFacets.All, cancellationToken);
        await BulkUpdate.UpdateAsync(db, machines, DerivedProperties, cancellationToken);
    }

    private async Task ApplyAsync(List<Machine> machines, List<string>? ids, MachineFacets facets, CancellationToken cancellationToken)
    {
        if (machines.Count == 0)
        {
            return;
        }

        if (facets.HasFlag(MachineFacets.Risk))
        {
            var alerts = db.Alerts().Where(a => a.Status != AlertStatus.Resolved);
            alerts = ids is null ? alerts : alerts.Where(a => ids.Contains(a.MachineId));
            var severities = (await alerts.Select(a => new { a.MachineId, a.Severity }).ToListAsync(cancellationToken))
                .ToLookup(a => a.MachineId, a => a.Severity, StringComparer.Ordinal);
            foreach (var machine in machines)
            {
                machine.RiskScore = MachineDerivation.Risk(severities[machine.Id]);
            }
        }

        if (facets.HasFlag(MachineFacets.Exposure))
        {
            var worst = await WorstVulnerabilitiesAsync(ids, cancellationToken);
            foreach (var machine in machines)
            {
                machine.ExposureLevel = MachineDerivation.Exposure(worst.TryGetValue(machine.Id, out var severity) ? [severity] : []);
            }
        }

        if (facets.HasFlag(MachineFacets.Signals))
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            tables.EnsureCreated(connection);
            var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            var signals = DeviceSignals.Read(connection, transaction, db.CurrentTenantId.ToString(), ids);
            var now = time.GetUtcNow();
            foreach (var machine in machines)
            {
                var signal = signals.GetValueOrDefault(machine.Id);
                var seenAgain = signal?.LastSignal is { } last && last > machine.LastSeen;
                if (seenAgain)
                {
                    machine.LastSeen = signal!.LastSignal!.Value;
                }

                machine.LastIpAddress = signal?.LocalIp ?? machine.LastIpAddress;
                machine.HealthStatus = MachineDerivation.Health(machine.HealthStatus, machine.OnboardingStatus, machine.LastSeen, seenAgain, now);
            }
        }
    }

    // The worst severity of each device's vulnerabilities, read from the stored items' JSON in SQL (the demo tenant
    // holds tens of thousands): one grouped query for the tenant, or one per device.
    private async Task<Dictionary<string, VulnerabilitySeverity>> WorstVulnerabilitiesAsync(List<string>? ids, CancellationToken cancellationToken)
    {
        var rows = new List<WorstSeverity>();
        foreach (var id in ids?.Select(i => (string?)i) ?? [null])
        {
            var sql = WorstSeveritySql.Replace("{device}", id is null ? string.Empty : " AND \"MachineId\" = {1}", StringComparison.Ordinal);
            object[] arguments = id is null ? [db.CurrentTenantId] : [db.CurrentTenantId, id];
            rows.AddRange(await db.Database.SqlQuery<WorstSeverity>(FormattableStringFactory.Create(sql, arguments)).ToListAsync(cancellationToken));
        }

        return rows.Where(r => r.Rank is not null)
            .ToDictionary(r => r.MachineId, r => (VulnerabilitySeverity)r.Rank!.Value, StringComparer.Ordinal);
    }

    private const string WorstSeveritySql =
        "SELECT \"MachineId\", MAX(CASE json_extract(\"Json\", '$.severity') " +
        "WHEN 'Low' THEN 0 WHEN 'Medium' THEN 1 WHEN 'High' THEN 2 WHEN 'Critical' THEN 3 END) AS \"Rank\" " +
        "FROM \"MachineRelatedItems\" WHERE \"TenantId\" = {0} AND \"Kind\" = 'Vulnerabilities'{device} GROUP BY \"MachineId\"";

    private sealed record WorstSeverity(string MachineId, int? Rank);
}
