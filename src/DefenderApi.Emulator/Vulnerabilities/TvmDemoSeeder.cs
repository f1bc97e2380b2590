using DefenderApi.Emulator.Machines.Demo;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Vulnerabilities;

/// <summary>
/// Builds the demo tenant's organisation inventory (software, CVEs, recommendations, per-device vulnerabilities)
/// from what the demo machines report, so every count equals the devices that report the item.
/// </summary>
internal sealed class TvmDemoSeeder : ITenantSeeder
{
    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        if (seed != "demo")
        {
            return;
        }

        var software = await TvmInventory.ItemsAsync<SoftwareProduct>(db, RelatedKind.Software, cancellationToken);
        var cves = await TvmInventory.ItemsAsync<Vulnerability>(db, RelatedKind.Vulnerabilities, cancellationToken);
        var recommendations = await TvmInventory.ItemsAsync<SecurityRecommendation>(db, RelatedKind.Recommendations, cancellationToken);

        var products = new List<SoftwareProduct>();
        var vulnerabilities = new List<Vulnerability>();
        var exposures = new List<MachineVulnerability>();
        var recommended = new List<SecurityRecommendation>();
        var softwareIds = software.Select(s => s.Item.Id).ToList();
        foreach (var group in software.GroupBy(s => s.Item.Id))
        {
            var product = group.First().Item;
            product.TenantId = tenantId;
            product.ExposedMachines = group.Count();
            products.Add(product);
        }

        foreach (var group in cves.GroupBy(v => v.Item.Id))
        {
            var cve = group.First().Item;
            cve.TenantId = tenantId;
            cve.ExposedMachines = group.Count();
            var softwareId = DemoCatalog.SoftwareOfVulnerability.GetValueOrDefault(cve.Id);
            cve.SoftwareIds = softwareId is null ? [] : [softwareId];
            vulnerabilities.Add(cve);
            exposures.AddRange(group.Select(exposure => MachineRow(tenantId, exposure.MachineId, cve, softwareId)));
        }

        foreach (var group in recommendations.GroupBy(r => r.Item.Id))
        {
            var recommendation = group.First().Item;
            recommendation.TenantId = tenantId;
            recommendation.ExposedMachinesCount = group.Count();
            recommendation.SoftwareId = recommendation.Vendor is { } vendor && recommendation.ProductName is { } name
                && softwareIds.Contains($"{vendor}-_-{name}") ? $"{vendor}-_-{name}" : null;
            recommendation.TotalMachineCount = recommendation.SoftwareId is { } id ? softwareIds.Count(s => s == id) : group.Count();
            recommended.Add(recommendation);
        }

        await BulkInsert.InsertAsync(db, products, cancellationToken);
        await BulkInsert.InsertAsync(db, vulnerabilities, cancellationToken);
        await BulkInsert.InsertAsync(db, exposures, cancellationToken);
        await BulkInsert.InsertAsync(db, recommended, cancellationToken);
    }

    private static MachineVulnerability MachineRow(Guid tenantId, string machineId, Vulnerability cve, string? softwareId)
    {
        var parts = softwareId?.Split("-_-") ?? ["microsoft", "windows"];
        var version = SoftwareVersions.Of(machineId, softwareId ?? "windows");
        return new MachineVulnerability
        {
            TenantId = tenantId,
            Id = $"{machineId}-_-{cve.Id}-_-{parts[0]}-_-{parts[1]}-_-{version}-_-",
            CveId = cve.Id,
            MachineId = machineId,
            ProductVendor = parts[0],
            ProductName = parts[1],
            ProductVersion = version,
            Severity = cve.Severity,
        };
    }
}

/// <summary>The version of a product on a device: one of three per product, stable per device.</summary>
public static class SoftwareVersions
{
    private static readonly string[] Versions = ["1.0.4", "2.3.1", "3.0.0"];

    /// <summary>The version installed.</summary>
    /// <param name="machineId">The device.</param>
    /// <param name="softwareId">The product.</param>
    /// <returns>The version.</returns>
    public static string Of(string machineId, string softwareId)
    {
        ArgumentNullException.ThrowIfNull(machineId);
        ArgumentNullException.ThrowIfNull(softwareId);
        return Versions[(machineId.Sum(c => c) + softwareId.Length) % Versions.Length];
    }

    /// <summary>Whether a version is the newest (no vulnerabilities).</summary>
    /// <param name="version">The version.</param>
    /// <returns><see langword="true"/> for the newest.</returns>
    public static bool IsLatest(string version) => version == Versions[^1];
}
