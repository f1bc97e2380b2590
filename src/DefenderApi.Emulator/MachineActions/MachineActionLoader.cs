using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>
/// Loads <c>machineactions</c> as the API returns them, upserted by id. Loaded actions keep their status; a pending
/// or running one waits for the admin <c>complete</c> call (it has no schedule), and at most one per machine and type.
/// </summary>
internal sealed class MachineActionLoader : JsonDataLoader<MachineAction>
{
    public override string Name => "machineactions";

    protected override string? Validate(MachineAction item) =>
        !Guid.TryParse(item.Id, out _) ? $"id '{item.Id}' is not a GUID"
        : LoadedIds.Problem(item.MachineId, "machineId");

    protected override Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<MachineAction>> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            item.Item.TenantId = tenantId;
        }

        return UpsertAsync(db, items.Select(i => i.Item), a => a.Id, StringComparer.OrdinalIgnoreCase, (from, to) =>
        {
            to.Commands = from.Commands;
            to.RelatedFileInfo = from.RelatedFileInfo;
        }, cancellationToken);
    }
}
