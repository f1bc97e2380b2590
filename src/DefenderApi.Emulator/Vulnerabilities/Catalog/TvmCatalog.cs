using System.Globalization;
using DefenderApi.Emulator.Machines.Related;

namespace DefenderApi.Emulator.Vulnerabilities.Catalog;

/// <summary>A product of the catalogue with its versions (oldest first) and its CVEs.</summary>
/// <param name="Spec">Name, vendor, family, popularity.</param>
/// <param name="Versions">The versions devices run, oldest first; the newest ones have no known CVE.</param>
/// <param name="Cves">The CVEs that affect some of its versions.</param>
internal sealed record CatalogProduct(ProductSpec Spec, string[] Versions, CatalogCve[] Cves)
{
    /// <summary>The TVM software id.</summary>
    public string Id => Spec.Id;
}

/// <summary>A CVE of the catalogue.</summary>
/// <param name="Details">What the API shows of it (exposure counts are filled per tenant).</param>
/// <param name="ProductId">The product it affects.</param>
/// <param name="FixedIndex">The first version (index into the product's versions) that fixes it: older ones are vulnerable.</param>
/// <param name="KbId">The Microsoft update (KB number) that fixes it, for Microsoft products.</param>
/// <param name="Epss">The EPSS probability of exploitation in the next 30 days (0–1).</param>
internal sealed record CatalogCve(DiscoveredVulnerability Details, string ProductId, int FixedIndex, string? KbId, double Epss)
{
    /// <summary>The CVE id.</summary>
    public string Id => Details.Id;
}

/// <summary>A Microsoft security update of the catalogue.</summary>
/// <param name="Id">The KB number.</param>
/// <param name="Name">E.g. <c>March 2020 Security Updates</c>.</param>
/// <param name="ProductNames">The products it updates.</param>
/// <param name="CveIds">The CVEs it fixes.</param>
internal sealed record CatalogKb(string Id, string Name, string[] ProductNames, string[] CveIds);

/// <summary>
/// The TVM catalogue of the demo tenants: about 70 products across vendors and platforms, each with its versions,
/// more than 300 CVEs (CVSS, severity, EPSS, exploit flags, published and updated dates) affecting the older versions,
/// and the Microsoft updates (KBs, one per product version that fixes something) that fix the Microsoft ones. Generated from <see cref="Seed"/>, so every run
/// and every tenant has the same catalogue; the CVE ids the reference pages use as examples are real entries, the
/// others are synthetic ids of the same shape.
/// </summary>
internal static class TvmCatalog
{
    /// <summary>The catalogue's random seed.</summary>
    public const int Seed = 190_608;

    private static readonly string[] Kinds =
    [
        "remote code execution", "elevation of privilege", "information disclosure", "denial of service",
        "security feature bypass", "spoofing", "memory corruption", "heap buffer overflow",
    ];

    private static readonly string[] ExploitTypeNames = ["RemoteCodeExecution", "PrivilegeEscalation", "DenialOfService", "SecurityFeatureBypass", "InformationDisclosure"];

    private static readonly Lazy<Built> Catalog = new(Build);

    /// <summary>Every product, operating systems first.</summary>
    public static IReadOnlyList<CatalogProduct> Products => Catalog.Value.Products;

    /// <summary>Products by software id.</summary>
    public static IReadOnlyDictionary<string, CatalogProduct> ProductById => Catalog.Value.ProductById;

    /// <summary>CVEs by id.</summary>
    public static IReadOnlyDictionary<string, CatalogCve> CveById => Catalog.Value.CveById;

    /// <summary>The Microsoft updates, by KB number.</summary>
    public static IReadOnlyDictionary<string, CatalogKb> KbById => Catalog.Value.KbById;

    /// <summary>
    /// The index of the version a device runs of a product: a fixed function of both ids, most devices on the newest
    /// versions (40 % newest, 25 %, 15 %, 12 %, 8 % oldest).
    /// </summary>
    /// <param name="machineId">The device.</param>
    /// <param name="product">The product.</param>
    /// <returns>The index into <see cref="CatalogProduct.Versions"/>.</returns>
    public static int VersionIndex(string machineId, CatalogProduct product) => (StableHash(machineId + "/" + product.Id) % 100) switch
    {
        < 8 => 0,
        < 20 => 1,
        < 35 => 2,
        < 60 => 3,
        _ => 4,
    };

    /// <summary>The CVEs affecting one version of a product.</summary>
    /// <param name="product">The product.</param>
    /// <param name="versionIndex">The version.</param>
    /// <returns>The CVEs.</returns>
    public static IEnumerable<CatalogCve> CvesAt(CatalogProduct product, int versionIndex) => product.Cves.Where(c => versionIndex < c.FixedIndex);

    /// <summary>FNV-1a over the characters: the same on every run (unlike <see cref="string.GetHashCode()"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    public static uint StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private sealed record Built(
        IReadOnlyList<CatalogProduct> Products, IReadOnlyDictionary<string, CatalogProduct> ProductById,
        IReadOnlyDictionary<string, CatalogCve> CveById, IReadOnlyDictionary<string, CatalogKb> KbById);

    private static Built Build()
    {
        var random = new Random(Seed);
        var used = new HashSet<string>(KnownCve.All.Select(k => k.Details.Id), StringComparer.Ordinal);
        var products = new List<CatalogProduct>();
        foreach (var spec in TvmProducts.All)
        {
            var versions = Versions(random, spec);
            var cves = new List<CatalogCve>();
            foreach (var known in KnownCve.All.Where(k => k.ProductId == spec.Id))
            {
                cves.Add(new CatalogCve(known.Details, spec.Id, known.FixedIndex, null, known.Epss));
            }

            var count = spec.OsPlatform is not null ? random.Next(10, 17) : random.Next(3, 8);
            for (var i = cves.Count; i < count; i++)
            {
                var (details, epss) = NewCve(random, spec, used);
                cves.Add(new CatalogCve(details, spec.Id, FixedIndex(random), null, epss));
            }

            products.Add(new CatalogProduct(spec, versions, [.. cves.OrderBy(c => c.Id, StringComparer.Ordinal)]));
        }

        // A Microsoft product's update to one of its versions is a KB fixing the CVEs fixed in that version; a device
        // misses the KBs of the versions above its own that fix something.
        var kbs = new Dictionary<string, CatalogKb>(StringComparer.Ordinal);
        var withKbs = products.Select((p, index) => p.Spec.Vendor != "microsoft" ? p : p with
        {
            Cves = [.. p.Cves.Select(c => c with { KbId = KbOf(index, c.FixedIndex) })],
        }).ToList();
        foreach (var product in withKbs.Where(p => p.Spec.Vendor == "microsoft"))
        {
            foreach (var group in product.Cves.GroupBy(c => c.KbId!))
            {
                var released = group.Max(c => c.Details.PublishedOn!.Value);
                kbs[group.Key] = new CatalogKb(
                    group.Key,
                    released.ToString("MMMM yyyy", CultureInfo.InvariantCulture) + " Security Updates",
                    [product.Spec.Name],
                    [.. group.Select(c => c.Id).Order(StringComparer.Ordinal)]);
            }
        }

        return new Built(
            withKbs,
            withKbs.ToDictionary(p => p.Id, StringComparer.Ordinal),
            withKbs.SelectMany(p => p.Cves).ToDictionary(c => c.Id, StringComparer.Ordinal),
            kbs);
    }

    // Five versions (VersionIndex assumes five), oldest first, e.g. 4.2.17 4.2.23 4.3.0 4.3.5 5.0.0.
    private static string[] Versions(Random random, ProductSpec spec)
    {
        var (major, minor, patch) = (random.Next(1, 40), random.Next(0, 10), random.Next(0, 50));
        var versions = new string[5];
        for (var i = 0; i < versions.Length; i++)
        {
            versions[i] = string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch}");
            (major, minor, patch) = random.Next(3) switch
            {
                0 => (major + 1, 0, 0),
                1 => (major, minor + 1, 0),
                _ => (major, minor, patch + random.Next(1, 20)),
            };
        }

        return spec.OsPlatform is null ? versions : [.. versions.Select(v => "10.0." + v)];
    }

    // Most CVEs are fixed in the second-oldest version, fewer later; the two newest versions are clean.
    private static int FixedIndex(Random random) => random.Next(10) switch
    {
        < 6 => 1,
        < 9 => 2,
        _ => 3,
    };

    private static (DiscoveredVulnerability Details, double Epss) NewCve(Random random, ProductSpec spec, HashSet<string> used)
    {
        var published = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 365 * 10));
        string id;
        do
        {
            id = string.Create(CultureInfo.InvariantCulture, $"CVE-{published.Year}-{random.Next(30_000, 99_999)}");
        }
        while (!used.Add(id));

        var cvss = Math.Round(2.0 + random.NextDouble() * 8.0, 1);
        var exploit = random.NextDouble() < 0.1 + cvss / 40;
        var verified = exploit && random.Next(3) == 0;
        var title = string.Join(' ', spec.Name.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        var details = new DiscoveredVulnerability
        {
            Id = id,
            Name = id,
            Description = $"{title} {Kinds[random.Next(Kinds.Length)]} vulnerability.",
            Severity = SeverityOf(cvss),
            CvssV3 = cvss,
            PublishedOn = published,
            UpdatedOn = published.AddDays(random.Next(0, 400)),
            PublicExploit = exploit,
            ExploitVerified = verified,
            ExploitInKit = verified && random.Next(3) == 0,
            ExploitTypes = exploit ? [ExploitTypeNames[random.Next(ExploitTypeNames.Length)]] : [],
        };
        return (details, Math.Round(exploit ? 0.05 + random.NextDouble() * 0.9 : random.NextDouble() * 0.05, 5));
    }

    /// <summary>The CVSS v3 severity band.</summary>
    /// <param name="cvss">The base score.</param>
    /// <returns>The severity.</returns>
    public static VulnerabilitySeverity SeverityOf(double cvss) => cvss switch
    {
        >= 9.0 => VulnerabilitySeverity.Critical,
        >= 7.0 => VulnerabilitySeverity.High,
        >= 4.0 => VulnerabilitySeverity.Medium,
        _ => VulnerabilitySeverity.Low,
    };

    // The KB number of a product's update to a version: seven digits, unique per product and version.
    private static string KbOf(int productIndex, int fixedIndex) =>
        (5_001_000 + (productIndex * 1_009) + (fixedIndex * 97)).ToString(CultureInfo.InvariantCulture);
}
