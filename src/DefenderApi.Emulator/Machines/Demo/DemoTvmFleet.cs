using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Vulnerabilities.Catalog;

namespace DefenderApi.Emulator.Machines.Demo;

/// <summary>
/// The demo fleet's TVM state, decided per device and then written once the whole fleet is known, so the
/// organisation-level numbers every device item carries (a product's weaknesses and exposed devices, a CVE's exposed
/// devices, a KB's devices missing it, a recommendation's counts) are the counts over the fleet.
/// A device runs its operating system and a draw of the catalogue's products for its platform, each at the version
/// <see cref="TvmCatalog.VersionIndex"/> gives; its CVEs are exactly those affecting what it runs at that version.
/// </summary>
internal sealed class DemoTvmFleet
{
    private readonly List<Device> _devices = [];

    /// <summary>Decides what a device runs and which configuration recommendations it lists.</summary>
    /// <param name="machine">The device.</param>
    /// <param name="random">The device's own random source.</param>
    public void Add(Machine machine, Random random)
    {
        var family = FamilyOf(machine.OsPlatform);
        var installed = new List<(CatalogProduct Product, int Version)>();
        foreach (var product in TvmCatalog.Products)
        {
            var spec = product.Spec;
            var runs = spec.OsPlatform is not null ? spec.OsPlatform == machine.OsPlatform : (spec.Family & family) != 0 && random.NextDouble() < spec.Popularity;
            if (runs)
            {
                installed.Add((product, TvmCatalog.VersionIndex(machine.Id, product)));
            }
        }

        var configurations = family == ProductFamily.Windows ? DemoCatalog.Recommendations.Where(_ => random.Next(3) == 0).ToArray() : [];
        _devices.Add(new Device(machine, installed, configurations));
    }

    /// <summary>Writes every device's software, vulnerabilities, recommendations and missing KBs.</summary>
    /// <param name="serialize">Writes an item's JSON.</param>
    /// <param name="add">Adds one related item (its JSON) of a device.</param>
    public void Emit(Func<object, string> serialize, Action<Machine, RelatedKind, string, string> add)
    {
        ArgumentNullException.ThrowIfNull(serialize);
        ArgumentNullException.ThrowIfNull(add);
        var installs = new Dictionary<string, int>(StringComparer.Ordinal);
        var exposedDevices = new Dictionary<string, int>(StringComparer.Ordinal);
        var exposedCves = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var cveDevices = new Dictionary<string, int>(StringComparer.Ordinal);
        var kbDevices = new Dictionary<string, int>(StringComparer.Ordinal);
        var configurationDevices = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var device in _devices)
        {
            var kbs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (product, version) in device.Installed)
            {
                Increment(installs, product.Id);
                var cves = TvmCatalog.CvesAt(product, version).ToList();
                if (cves.Count > 0)
                {
                    Increment(exposedDevices, product.Id);
                }

                foreach (var cve in cves)
                {
                    Increment(cveDevices, cve.Id);
                    (exposedCves.TryGetValue(product.Id, out var set) ? set : exposedCves[product.Id] = new HashSet<string>(StringComparer.Ordinal)).Add(cve.Id);
                    if (cve.KbId is { } kb)
                    {
                        kbs.Add(kb);
                    }
                }
            }

            foreach (var kb in kbs)
            {
                Increment(kbDevices, kb);
            }

            foreach (var configuration in device.Configurations)
            {
                Increment(configurationDevices, configuration.Id);
            }
        }

        // Every item carries organisation-level values only, so devices listing the same item share its JSON.
        var written = new Dictionary<(RelatedKind, string), string>();
        void AddItem(Machine machine, RelatedKind kind, string id, Func<object> item)
        {
            if (!written.TryGetValue((kind, id), out var json))
            {
                written[(kind, id)] = json = serialize(item());
            }

            add(machine, kind, id, json);
        }

        foreach (var device in _devices)
        {
            EmitDevice(device, AddItem, installs, exposedDevices, exposedCves, cveDevices, kbDevices, configurationDevices);
        }
    }

    private static void EmitDevice(
        Device device, Action<Machine, RelatedKind, string, Func<object>> add, Dictionary<string, int> installs, Dictionary<string, int> exposedDevices,
        Dictionary<string, HashSet<string>> exposedCves, Dictionary<string, int> cveDevices, Dictionary<string, int> kbDevices, Dictionary<string, int> configurationDevices)
    {
        var machine = device.Machine;
        var kbs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (product, version) in device.Installed)
        {
            var weaknesses = exposedCves.GetValueOrDefault(product.Id)?.Select(id => TvmCatalog.CveById[id]).ToList() ?? [];
            add(machine, RelatedKind.Software, product.Id, () => new InstalledSoftware
            {
                Id = product.Id,
                Name = product.Spec.Name,
                Vendor = product.Spec.Vendor,
                Weaknesses = weaknesses.Count,
                PublicExploit = weaknesses.Any(c => c.Details.PublicExploit),
                ExposedMachines = exposedDevices.GetValueOrDefault(product.Id),
                ImpactScore = Math.Round(weaknesses.Sum(c => c.Details.CvssV3 ?? 0) / 10, 2),
            });

            var cves = TvmCatalog.CvesAt(product, version).ToList();
            foreach (var cve in cves)
            {
                add(machine, RelatedKind.Vulnerabilities, cve.Id, () => cve.Details with { ExposedMachines = cveDevices[cve.Id] });
                if (cve.KbId is { } kb)
                {
                    kbs.Add(kb);
                }
            }

            if (cves.Count > 0)
            {
                add(machine, RelatedKind.Recommendations, "va-_-" + product.Id, () => new MachineRecommendation
                {
                    Id = "va-_-" + product.Id,
                    ProductName = product.Spec.Name,
                    RecommendationName = $"Update {Title(product.Spec.Name)} to version {product.Versions[^1]}",
                    Weaknesses = weaknesses.Count,
                    Vendor = product.Spec.Vendor,
                    RecommendedVersion = product.Versions[^1],
                    RecommendationCategory = product.Spec.OsPlatform is null ? "Application" : "OS",
                    SubCategory = string.Empty,
                    SeverityScore = weaknesses.Max(c => c.Details.CvssV3 ?? 0),
                    PublicExploit = weaknesses.Any(c => c.Details.PublicExploit),
                    RemediationType = "Update",
                    Status = "Active",
                    ExposedMachinesCount = exposedDevices[product.Id],
                    TotalMachineCount = installs[product.Id],
                    RelatedComponent = Title(product.Spec.Name),
                });
            }
        }

        foreach (var configuration in device.Configurations)
        {
            add(machine, RelatedKind.Recommendations, configuration.Id, () => configuration with { ExposedMachinesCount = configurationDevices[configuration.Id] });
        }

        foreach (var kb in kbs.Select(id => TvmCatalog.KbById[id]))
        {
            add(machine, RelatedKind.MissingKbs, kb.Id, () => new MissingKb
            {
                Id = kb.Id,
                Name = kb.Name,
                ProductsNames = kb.ProductNames,
                Url = $"https://catalog.update.microsoft.com/v7/site/Search.aspx?q=KB{kb.Id}",
                MachineMissedOn = kbDevices[kb.Id],
                CveAddressed = kb.CveIds.Length,
            });
        }
    }

    private static ProductFamily FamilyOf(string osPlatform) => osPlatform switch
    {
        _ when osPlatform.StartsWith("Windows", StringComparison.Ordinal) => ProductFamily.Windows,
        "Linux" => ProductFamily.Linux,
        "macOS" => ProductFamily.MacOs,
        _ => 0,
    };

    private static string Title(string name) =>
        string.Join(' ', name.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private sealed record Device(Machine Machine, List<(CatalogProduct Product, int Version)> Installed, MachineRecommendation[] Configurations);
}
