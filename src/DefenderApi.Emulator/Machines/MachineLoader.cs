using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Machines;

/// <summary>
/// Loads <c>machines</c>: the entity as the API returns it; the emulator-only <c>agentVersion</c> (sensor version,
/// decides ClientVersionNotSupported) may be added. Upserted by id.
/// </summary>
internal sealed class MachineLoader : JsonDataLoader<Machine>
{
    public override string Name => "machines";

    protected override string? Validate(Machine item) => LoadedIds.Problem(item.Id, "id")
        ?? (string.IsNullOrWhiteSpace(item.OsPlatform) ? "osPlatform is missing" : null);

    protected override Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<Machine>> items, CancellationToken cancellationToken)
    {
        foreach (var (_, machine, json) in items)
        {
            machine.TenantId = tenantId;
            if (json.TryGetProperty("agentVersion", out var agent) && agent.GetString() is { } version)
            {
                machine.AgentVersion = version;
            }
        }

        return UpsertAsync(db, items.Select(i => i.Item), m => m.Id, StringComparer.Ordinal, (from, to) =>
        {
            to.MachineTags = from.MachineTags;
            to.IpAddresses = from.IpAddresses;
        }, cancellationToken);
    }
}
