using System.Text.Json;
using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Machines.Related;

/// <summary>
/// Loads a machine sub-collection: each item is the API's entity plus <c>machineId</c>; upserted by (machine, id).
/// </summary>
/// <typeparam name="TItem">The entity shape.</typeparam>
/// <param name="name">The collection name.</param>
/// <param name="kind">The sub-collection.</param>
internal abstract class RelatedItemLoader<TItem>(string name, RelatedKind kind) : JsonDataLoader<TItem>
    where TItem : class
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override DeviceLink? Devices => kind == RelatedKind.Vulnerabilities ? new DeviceLink("machineId", Machines.State.MachineFacets.Exposure) : null;

    /// <inheritdoc />
    protected override string? Validate(TItem item) => null;

    /// <inheritdoc />
    protected override async Task StoreAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<LoadedItem<TItem>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        var rows = items.Select(i => ToRow(tenantId, i)).ToList();
        var machineIds = rows.Select(r => r.MachineId).Distinct().ToList();
        var known = (await db.Machines().Where(m => machineIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        if (rows.FirstOrDefault(r => !known.Contains(r.MachineId)) is { } orphan)
        {
            throw new DataItemException(rows.IndexOf(orphan), $"machine '{orphan.MachineId}' does not exist in the tenant");
        }

        // The primary key is (tenant, machine, kind, id): a stored item of the same key gets the new JSON in place.
        await BulkInsert.UpsertAsync(db, rows, cancellationToken);
    }

    /// <summary>The item's id.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The id.</returns>
    protected abstract string IdOf(TItem item);

    private MachineRelatedItem ToRow(Guid tenantId, LoadedItem<TItem> loaded)
    {
        var machineId = loaded.Json.TryGetProperty("machineId", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DataItemException(loaded.Index, "machineId is missing (a string naming the machine)");
        return new MachineRelatedItem
        {
            TenantId = tenantId,
            Kind = kind,
            MachineId = machineId,
            Id = IdOf(loaded.Item),
            Json = JsonSerializer.Serialize(loaded.Item, ApiJson),
        };
    }
}

internal sealed class LogonUserLoader() : RelatedItemLoader<LogonUser>("logonusers", RelatedKind.LogonUsers)
{
    protected override string IdOf(LogonUser item) => item.Id;
}

internal sealed class MachineSoftwareLoader() : RelatedItemLoader<InstalledSoftware>("machinesoftware", RelatedKind.Software)
{
    protected override string IdOf(InstalledSoftware item) => item.Id;
}

internal sealed class MachineVulnerabilityLoader() : RelatedItemLoader<DiscoveredVulnerability>("machinevulnerabilities", RelatedKind.Vulnerabilities)
{
    protected override string IdOf(DiscoveredVulnerability item) => item.Id;
}

internal sealed class MachineRecommendationLoader() : RelatedItemLoader<MachineRecommendation>("machinerecommendations", RelatedKind.Recommendations)
{
    protected override string IdOf(MachineRecommendation item) => item.Id;
}

internal sealed class MissingKbLoader() : RelatedItemLoader<MissingKb>("missingkbs", RelatedKind.MissingKbs)
{
    protected override string IdOf(MissingKb item) => item.Id;
}
