using System.Text.Json;
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
        // Thousands of machines: one prepared UPDATE per row instead of the change tracker.
        var machines = await db.Machines().AsNoTracking().ToListAsync(cancellationToken);
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
            var items = db.Set<MachineRelatedItem>().Where(i => i.Kind == RelatedKind.Vulnerabilities);
            items = ids is null ? items : items.Where(i => ids.Contains(i.MachineId));
            var severities = (await items.Select(i => new { i.MachineId, i.Json }).ToListAsync(cancellationToken))
                .ToLookup(i => i.MachineId, i => SeverityOf(i.Json), StringComparer.Ordinal);
            foreach (var machine in machines)
            {
                machine.ExposureLevel = MachineDerivation.Exposure(severities[machine.Id].OfType<VulnerabilitySeverity>());
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

    private static VulnerabilitySeverity? SeverityOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("severity", out var severity) && severity.ValueKind == JsonValueKind.String
                && Enum.TryParse<VulnerabilitySeverity>(severity.GetString(), ignoreCase: true, out var parsed)
                ? parsed
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
