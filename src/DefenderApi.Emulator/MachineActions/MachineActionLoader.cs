using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

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
        : string.IsNullOrWhiteSpace(item.MachineId) ? "machineId is missing"
        : null;

    protected override async Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<MachineAction>> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Item.Id).ToList();
        var existing = await db.Set<MachineAction>().AsTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var (_, action, _) in items)
        {
            action.TenantId = tenantId;
            if (existing.TryGetValue(action.Id, out var current))
            {
                db.Entry(current).CurrentValues.SetValues(action);
                current.Commands = action.Commands;
                current.RelatedFileInfo = action.RelatedFileInfo;
            }
            else
            {
                db.Add(action);
                existing[action.Id] = action;
            }
        }
    }
}
