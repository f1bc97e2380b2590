using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Machines.State;

/// <summary>
/// The demo seed's last step: once machines, alerts, TVM items and hunting events are stored, every machine's
/// derived fields are recomputed from them, so the demo tenant starts consistent.
/// </summary>
internal sealed class MachineStateSeeder(HuntingTables tables, TimeProvider time) : ITenantSeeder
{
    public SeedStage Stage => SeedStage.Settled;

    public Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken) =>
        seed != "demo" ? Task.CompletedTask : new MachineStateService(db, tables, time).RefreshAllAsync(cancellationToken);
}
