using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Vulnerabilities.Assessments;

/// <summary>
/// <c>GET /api/machines/SoftwareInventoryByMachine</c>: one row per product a device reports
/// (<c>/api/machines/{id}/software</c>), at the version the distributions show, with the CVEs the vulnerability
/// export lists for that device and product.
/// </summary>
internal static class SoftwareInventoryExport
{
    public const string EntityType = "AssessmentSoftwareInventory";

    // Internet Explorer 11 desktop application retirement (public Microsoft lifecycle date).
    private static readonly Dictionary<string, DateTimeOffset> EndOfSupport = new(StringComparer.Ordinal)
    {
        ["microsoft-_-internet_explorer"] = new(2022, 6, 15, 0, 0, 0, TimeSpan.Zero),
    };

    public static async Task<List<AssessmentSoftwareInventory>> RowsAsync(
        EmulatorDbContext db, IReadOnlyDictionary<string, Machine> devices, CancellationToken cancellationToken)
    {
        var installed = await TvmInventory.ItemsAsync<InstalledSoftware>(db, RelatedKind.Software, cancellationToken);
        var weaknesses = (await db.Set<MachineVulnerability>().Select(v => new { v.MachineId, v.ProductVendor, v.ProductName }).ToListAsync(cancellationToken))
            .CountBy(v => (v.MachineId, $"{v.ProductVendor}-_-{v.ProductName}"))
            .ToDictionary();

        return [.. installed
            .Where(i => devices.ContainsKey(i.MachineId))
            .Select(i => Row(devices[i.MachineId], i.Item, weaknesses.GetValueOrDefault((i.MachineId, i.Item.Id))))
            .OrderBy(r => r.DeviceId, StringComparer.Ordinal)
            .ThenBy(r => r.SoftwareVendor, StringComparer.Ordinal)
            .ThenBy(r => r.SoftwareName, StringComparer.Ordinal)];
    }

    private static AssessmentSoftwareInventory Row(Machine machine, InstalledSoftware software, int weaknesses)
    {
        var parts = software.Id.Split("-_-");
        var vendor = software.Vendor ?? parts[0];
        var name = software.Name ?? parts[^1];
        var version = SoftwareVersions.Of(machine.Id, software.Id);
        var (diskPaths, registryPaths) = AssessedDevices.PathsOf(machine, vendor, name);
        var endOfSupport = EndOfSupport.TryGetValue(software.Id, out var date) ? date : (DateTimeOffset?)null;
        return new AssessmentSoftwareInventory
        {
            DeviceId = machine.Id,
            DeviceName = machine.ComputerDnsName,
            OsPlatform = machine.OsPlatform,
            OsVersion = machine.Version,
            OsArchitecture = AssessedDevices.ArchitectureOf(machine),
            RbacGroupName = machine.RbacGroupName,
            SoftwareVendor = vendor,
            SoftwareName = name,
            SoftwareVersion = version,
            NumberOfWeaknesses = weaknesses,
            DiskPaths = diskPaths,
            RegistryPaths = registryPaths,
            SoftwareFirstSeenTimestamp = machine.FirstSeen,
            EndOfSupportStatus = endOfSupport is null ? "None" : "EOS Software",
            EndOfSupportDate = endOfSupport,
            ProductCodeCpe = $"cpe:2.3:a:{vendor}:{name}:{version}:*:*:*:*:*:*:*",
        };
    }
}

/// <summary>A product installed on a device (the assessment export's <c>AssessmentSoftwareInventory</c>).</summary>
internal sealed record AssessmentSoftwareInventory
{
    /// <summary>The device.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The device's name.</summary>
    public required string DeviceName { get; init; }

    /// <summary>The device's platform.</summary>
    public required string OsPlatform { get; init; }

    /// <summary>The device's OS version.</summary>
    public string? OsVersion { get; init; }

    /// <summary>The device's architecture.</summary>
    public string? OsArchitecture { get; init; }

    /// <summary>The device group.</summary>
    public string? RbacGroupName { get; init; }

    /// <summary>Vendor.</summary>
    public required string SoftwareVendor { get; init; }

    /// <summary>Product.</summary>
    public required string SoftwareName { get; init; }

    /// <summary>Installed version.</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>CVEs of this product on this device.</summary>
    public required int NumberOfWeaknesses { get; init; }

    /// <summary>Where the product is installed.</summary>
    public required IReadOnlyList<string> DiskPaths { get; init; }

    /// <summary>The product's registry keys (Windows).</summary>
    public required IReadOnlyList<string> RegistryPaths { get; init; }

    /// <summary>First time the product was seen on the device.</summary>
    public required DateTimeOffset SoftwareFirstSeenTimestamp { get; init; }

    /// <summary><c>None</c>, <c>EOS Version</c>, <c>Upcoming EOS Version</c>, <c>EOS Software</c> or <c>Upcoming EOS Software</c>.</summary>
    public required string EndOfSupportStatus { get; init; }

    /// <summary>When support ends or ended.</summary>
    public DateTimeOffset? EndOfSupportDate { get; init; }

    /// <summary>The product's CPE 2.3 name.</summary>
    public required string ProductCodeCpe { get; init; }
}
