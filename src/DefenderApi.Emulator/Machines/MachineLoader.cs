using System.Text.Json;
using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Machines;

/// <summary>
/// Loads <c>machines</c>: the entity as the API returns it; the emulator-only <c>agentVersion</c> (sensor version,
/// decides ClientVersionNotSupported) may be added. Upserted by id with prepared multi-row statements.
/// </summary>
internal sealed class MachineLoader : JsonDataLoader<Machine>
{
    public override string Name => "machines";

    protected override string? Validate(Machine item) => LoadedIds.Problem(item.Id, "id")
        ?? (string.IsNullOrWhiteSpace(item.OsPlatform) ? "osPlatform is missing" : null);

    protected override Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<Machine>> items, CancellationToken cancellationToken)
    {
        foreach (var (index, machine, json) in items)
        {
            machine.TenantId = tenantId;
            if (json.TryGetProperty("agentVersion", out var agent) && agent.ValueKind != JsonValueKind.Null)
            {
                machine.AgentVersion = agent.ValueKind == JsonValueKind.String
                    ? agent.GetString()!
                    : throw new DataItemException(index, "the value of agentVersion has the wrong type or format");
            }
        }

        // Ids compare as the column does (ordinal), so the primary key's upsert replaces a stored machine in place and
        // keeps what refers to it (actions, alerts, related items), as the tracked overwrite did.
        var machines = items.Select(i => i.Item).ToList();
        return BulkInsert.CanWrite<Machine>(db)
            ? BulkInsert.UpsertAsync(db, machines, cancellationToken)
            : UpsertAsync(db, machines, m => m.Id, StringComparer.Ordinal, (from, to) =>
            {
                to.MachineTags = from.MachineTags;
                to.IpAddresses = from.IpAddresses;
            }, cancellationToken);
    }
}
