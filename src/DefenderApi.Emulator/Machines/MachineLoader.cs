using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Machines;

/// <summary>
/// Loads <c>machines</c>: the entity as the API returns it; the emulator-only <c>agentVersion</c> (sensor version,
/// decides ClientVersionNotSupported) may be added. Upserted by id.
/// </summary>
internal sealed class MachineLoader : JsonDataLoader<Machine>
{
    public override string Name => "machines";

    protected override string? Validate(Machine item) => string.IsNullOrWhiteSpace(item.Id)
        ? "id is missing"
        : string.IsNullOrWhiteSpace(item.OsPlatform) ? "osPlatform is missing" : null;

    protected override async Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<Machine>> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Item.Id).ToList();
        var existing = await db.Machines().AsTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        foreach (var (_, machine, json) in items)
        {
            machine.TenantId = tenantId;
            if (json.TryGetProperty("agentVersion", out var agent) && agent.GetString() is { } version)
            {
                machine.AgentVersion = version;
            }

            if (existing.TryGetValue(machine.Id, out var current))
            {
                db.Entry(current).CurrentValues.SetValues(machine);
                current.MachineTags = machine.MachineTags;
                current.IpAddresses = machine.IpAddresses;
            }
            else
            {
                db.Add(machine);
                existing[machine.Id] = machine;
            }
        }
    }
}
