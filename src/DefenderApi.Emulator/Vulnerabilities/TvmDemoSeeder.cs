using System.Text.Json;
using System.Text.Json.Serialization;
using DefenderApi.Emulator.Vulnerabilities.Catalog;
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
        // The devices' items already carry the organisation's counts (DemoTvmFleet): a product's exposed devices are
        // those running a vulnerable version; the devices reporting it are its installations.
        foreach (var group in software.GroupBy(s => s.Item.Id))
        {
            var product = group.First().Item;
            product.TenantId = tenantId;
            products.Add(product);
        }

        foreach (var group in cves.GroupBy(v => v.Item.Id))
        {
            var cve = group.First().Item;
            var known = TvmCatalog.CveById[cve.Id];
            Describe(cve, tenantId, known, group.Count());
            vulnerabilities.Add(cve);
            exposures.AddRange(group.Select(exposure => MachineRow(tenantId, exposure.MachineId, cve, known)));
        }

        // The rest of the catalogue: CVEs no device is exposed to are listed with exposedMachines 0, as the portal's
        // weaknesses page lists them.
        var exposed = vulnerabilities.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var known in TvmCatalog.CveById.Values.Where(c => !exposed.Contains(c.Id)).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var cve = JsonSerializer.Deserialize<Vulnerability>(JsonSerializer.SerializeToUtf8Bytes(known.Details, CatalogJson), CatalogJson)!;
            Describe(cve, tenantId, known, 0);
            vulnerabilities.Add(cve);
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

    private static readonly JsonSerializerOptions CatalogJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static void Describe(Vulnerability cve, Guid tenantId, CatalogCve known, long exposedMachines)
    {
        cve.TenantId = tenantId;
        cve.ExposedMachines = exposedMachines;
        cve.SoftwareIds = [known.ProductId];
        cve.Epss = known.Epss;
    }

    private static MachineVulnerability MachineRow(Guid tenantId, string machineId, Vulnerability cve, CatalogCve known)
    {
        var parts = known.ProductId.Split("-_-");
        var version = SoftwareVersions.Of(machineId, known.ProductId);
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
            FixingKbId = known.KbId,
        };
    }
}

/// <summary>The version of a product on a device: the catalogue's version for that device, stable per device.</summary>
internal static class SoftwareVersions
{
    // Products outside the catalogue (loaded through the admin API) get one of three versions.
    private static readonly string[] Versions = ["1.0.4", "2.3.1", "3.0.0"];

    /// <summary>The version installed.</summary>
    /// <param name="machineId">The device.</param>
    /// <param name="softwareId">The product.</param>
    /// <returns>The version.</returns>
    public static string Of(string machineId, string softwareId)
    {
        ArgumentNullException.ThrowIfNull(machineId);
        ArgumentNullException.ThrowIfNull(softwareId);
        return TvmCatalog.ProductById.TryGetValue(softwareId, out var product)
            ? product.Versions[TvmCatalog.VersionIndex(machineId, product)]
            : Versions[(machineId.Sum(c => c) + softwareId.Length) % Versions.Length];
    }

    /// <summary>How many of the product's CVEs affect a version (0 for the newest versions).</summary>
    /// <param name="softwareId">The product.</param>
    /// <param name="version">The version.</param>
    /// <param name="weaknesses">The product's weaknesses, for products outside the catalogue (all but the newest version have them).</param>
    /// <returns>The count.</returns>
    public static long VulnerabilitiesOf(string softwareId, string version, long weaknesses) =>
        TvmCatalog.ProductById.TryGetValue(softwareId, out var product) && Array.IndexOf(product.Versions, version) is var index and >= 0
            ? TvmCatalog.CvesAt(product, index).Count()
            : version == Versions[^1] ? 0 : weaknesses;
}
