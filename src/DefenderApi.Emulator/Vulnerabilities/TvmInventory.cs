using System.Text.Json;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Vulnerabilities;

/// <summary>
/// The organisation-level view of the machines' software, vulnerabilities and recommendations: what each machine
/// reports (its sub-collections) decides which devices an item is exposed on, so org counts and machine references
/// agree with <c>/api/machines/{id}/software</c> and friends.
/// </summary>
internal static class TvmInventory
{
    private static readonly JsonSerializerOptions ApiJson = CreateOptions();

    /// <summary>The machine ids that report item <paramref name="id"/> of <paramref name="kind"/>.</summary>
    /// <param name="kind">The sub-collection.</param>
    /// <param name="id">The item id.</param>
    /// <returns>The machine ids (a query).</returns>
    public static IQueryable<string> MachinesWith(EmulatorDbContext db, RelatedKind kind, string id) =>
        db.Set<MachineRelatedItem>().Where(i => i.Kind == kind && i.Id == id).Select(i => i.MachineId);

    /// <summary>The machine references of the machines reporting an item.</summary>
    /// <param name="kind">The sub-collection.</param>
    /// <param name="id">The item id.</param>
    /// <returns>The references, by machine id.</returns>
    public static async Task<List<MachineReference>> ReferencesAsync(EmulatorDbContext db, RelatedKind kind, string id, CancellationToken cancellationToken)
    {
        var ids = MachinesWith(db, kind, id);
        return await db.Machines().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id)
            .Select(m => new MachineReference(m.Id, m.ComputerDnsName, m.OsPlatform, m.RbacGroupName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The vulnerabilities of a product (by id) that devices of the tenant are exposed to (its weaknesses), or none for <see langword="null"/>.</summary>
    /// <param name="softwareId">The product.</param>
    /// <returns>The CVEs, by id.</returns>
    public static async Task<List<Vulnerability>> VulnerabilitiesOfAsync(EmulatorDbContext db, string? softwareId, CancellationToken cancellationToken)
    {
        if (softwareId is null)
        {
            return [];
        }

        var all = await db.Set<Vulnerability>().OrderBy(v => v.Id).ToListAsync(cancellationToken);
        return [.. all.Where(v => v.ExposedMachines > 0 && v.SoftwareIds.Contains(softwareId))];
    }

    /// <summary>Reads the items of one sub-collection across machines, parsed into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The API shape.</typeparam>
    /// <param name="kind">The sub-collection.</param>
    /// <returns>Machine id and item pairs.</returns>
    public static async Task<List<(string MachineId, T Item)>> ItemsAsync<T>(EmulatorDbContext db, RelatedKind kind, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MachineRelatedItem>().Where(i => i.Kind == kind).OrderBy(i => i.MachineId).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.MachineId, JsonSerializer.Deserialize<T>(r.Json, ApiJson)!))];
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>A device reference in TVM answers (id, name, platform, group).</summary>
/// <param name="Id">Machine id.</param>
/// <param name="ComputerDnsName">Name.</param>
/// <param name="OsPlatform">Platform.</param>
/// <param name="RbacGroupName">Device group.</param>
internal sealed record MachineReference(string Id, string ComputerDnsName, string OsPlatform, string? RbacGroupName);

/// <summary>How many devices run one version of a product (<see href="https://learn.microsoft.com/defender-endpoint/api/get-software-ver-distribution">List software version distribution</see>).</summary>
/// <param name="Version">Version.</param>
/// <param name="Installations">Devices.</param>
/// <param name="Vulnerabilities">Vulnerabilities of that version.</param>
internal sealed record VersionDistribution(string Version, long Installations, long Vulnerabilities);
