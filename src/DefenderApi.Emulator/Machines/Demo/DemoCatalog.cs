using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Vulnerabilities;

namespace DefenderApi.Emulator.Machines.Demo;

/// <summary>The fixed catalogue the demo machines draw their tags, groups, users, software and findings from.</summary>
internal static class DemoCatalog
{
    public static readonly (long Id, string Name)[] Groups =
    [
        (140, "The-A-Team"), (141, "Finance"), (142, "Engineering"), (143, "Servers - Production"), (144, "Servers - Test"),
        (145, "Executives"), (146, "Mobile devices"), (147, "UnassignedGroup"),
    ];

    public static readonly string[] Tags = ["VIP", "Finance", "Engineering", "Kiosk", "PCI", "Pilot", "Lab", "Remote", "HQ", "Branch-Office"];

    public static readonly string[] Users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter"];

    public static readonly InstalledSoftware[] Software =
    [
        new() { Id = "microsoft-_-edge", Name = "edge", Vendor = "microsoft", Weaknesses = 4, PublicExploit = false, ExposedMachines = 312, ImpactScore = 3.1 },
        new() { Id = "google-_-chrome", Name = "chrome", Vendor = "google", Weaknesses = 12, PublicExploit = true, ExposedMachines = 418, ImpactScore = 11.8 },
        new() { Id = "mozilla-_-firefox", Name = "firefox", Vendor = "mozilla", Weaknesses = 3, ExposedMachines = 95, ImpactScore = 1.4 },
        new() { Id = "microsoft-_-internet_explorer", Name = "internet_explorer", Vendor = "microsoft", Weaknesses = 67, PublicExploit = true, ExposedMachines = 208, ImpactScore = 46.2037163 },
        new() { Id = "git-scm-_-git", Name = "git", Vendor = "git-scm", Weaknesses = 3, ExposedMachines = 77, ImpactScore = 2.2 },
        new() { Id = "oracle-_-jre", Name = "jre", Vendor = "oracle", Weaknesses = 21, PublicExploit = true, ActiveAlert = true, ExposedMachines = 54, ImpactScore = 18.5 },
        new() { Id = "openssl-_-openssl", Name = "openssl", Vendor = "openssl", Weaknesses = 6, ExposedMachines = 120, ImpactScore = 5.6 },
        new() { Id = "adobe-_-acrobat_reader_dc", Name = "acrobat_reader_dc", Vendor = "adobe", Weaknesses = 9, PublicExploit = true, ExposedMachines = 260, ImpactScore = 7.9 },
    ];

    public static readonly DiscoveredVulnerability[] Vulnerabilities =
    [
        new() { Id = "CVE-2019-1348", Name = "CVE-2019-1348", Description = "Git could allow a remote attacker to bypass security restrictions.", Severity = VulnerabilitySeverity.Medium, CvssV3 = 4.3, ExposedMachines = 77, PublishedOn = new DateTimeOffset(2019, 12, 13, 0, 0, 0, TimeSpan.Zero), UpdatedOn = new DateTimeOffset(2019, 12, 13, 0, 0, 0, TimeSpan.Zero) },
        new() { Id = "CVE-2021-44228", Name = "CVE-2021-44228", Description = "Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints.", Severity = VulnerabilitySeverity.Critical, CvssV3 = 10.0, ExposedMachines = 54, PublishedOn = new DateTimeOffset(2021, 12, 10, 0, 0, 0, TimeSpan.Zero), UpdatedOn = new DateTimeOffset(2023, 4, 3, 0, 0, 0, TimeSpan.Zero), PublicExploit = true, ExploitVerified = true, ExploitInKit = true, ExploitTypes = ["RemoteCodeExecution"], ExploitUris = ["https://www.exploit-db.com/exploits/50592"] },
        new() { Id = "CVE-2023-4863", Name = "CVE-2023-4863", Description = "Heap buffer overflow in libwebp.", Severity = VulnerabilitySeverity.High, CvssV3 = 8.8, ExposedMachines = 418, PublishedOn = new DateTimeOffset(2023, 9, 12, 0, 0, 0, TimeSpan.Zero), UpdatedOn = new DateTimeOffset(2024, 1, 7, 0, 0, 0, TimeSpan.Zero), PublicExploit = true },
        new() { Id = "CVE-2022-3602", Name = "CVE-2022-3602", Description = "X.509 email address 4-byte buffer overflow in OpenSSL.", Severity = VulnerabilitySeverity.High, CvssV3 = 7.5, ExposedMachines = 120, PublishedOn = new DateTimeOffset(2022, 11, 1, 0, 0, 0, TimeSpan.Zero), UpdatedOn = new DateTimeOffset(2022, 11, 1, 0, 0, 0, TimeSpan.Zero) },
        new() { Id = "CVE-2020-1472", Name = "CVE-2020-1472", Description = "Netlogon elevation of privilege vulnerability.", Severity = VulnerabilitySeverity.Critical, CvssV3 = 10.0, ExposedMachines = 12, PublishedOn = new DateTimeOffset(2020, 8, 17, 0, 0, 0, TimeSpan.Zero), UpdatedOn = new DateTimeOffset(2021, 2, 9, 0, 0, 0, TimeSpan.Zero), PublicExploit = true, ExploitVerified = true, ExploitTypes = ["PrivilegeEscalation"] },
    ];

    // The product each demo CVE affects; null means the operating system itself (Windows devices). A device reports a
    // CVE only when it runs what the CVE affects (Exposes), so the vulnerability views agree with the installed software.
    public static readonly Dictionary<string, string?> SoftwareOfVulnerability = new(StringComparer.Ordinal)
    {
        ["CVE-2019-1348"] = "git-scm-_-git",
        ["CVE-2021-44228"] = "oracle-_-jre",
        ["CVE-2023-4863"] = "google-_-chrome",
        ["CVE-2022-3602"] = "openssl-_-openssl",
        ["CVE-2020-1472"] = null,
    };

    public static readonly MachineRecommendation[] Recommendations =
    [
        new() { Id = "va-_-git-scm-_-git", ProductName = "git", RecommendationName = "Update Git to version 2.24.1.2", Weaknesses = 3, Vendor = "git-scm", RecommendedVersion = "2.24.1.2", RecommendationCategory = "Application", SubCategory = "", RemediationType = "Update", Status = "Active", ExposedMachinesCount = 1, RelatedComponent = "Git" },
        new() { Id = "va-_-google-_-chrome", ProductName = "chrome", RecommendationName = "Update Chrome", Weaknesses = 12, Vendor = "google", RecommendedVersion = "124.0.6367.91", RecommendationCategory = "Application", SubCategory = "", SeverityScore = 8.8, PublicExploit = true, RemediationType = "Update", Status = "Active", ExposedMachinesCount = 1, RelatedComponent = "Chrome" },
        new() { Id = "scid-2010", ProductName = "windows_defender_antivirus", RecommendationName = "Turn on PUA protection in block mode", Vendor = "microsoft", RecommendationCategory = "SecurityControls", SubCategory = "Antivirus", SeverityScore = 2.0, RemediationType = "ConfigurationChange", Status = "Active", ConfigScoreImpact = 4.5, ExposedMachinesCount = 1, RelatedComponent = "Antivirus" },
        new() { Id = "scid-91", ProductName = "windows_10", RecommendationName = "Set 'Minimum password length' to '14 or more characters'", Vendor = "microsoft", RecommendationCategory = "Accounts", SubCategory = "Password policy", SeverityScore = 1.5, RemediationType = "ConfigurationChange", Status = "Exception", ConfigScoreImpact = 1.1, ExposedMachinesCount = 1, RelatedComponent = "Accounts" },
    ];

    public static readonly MissingKb[] MissingKbs =
    [
        new() { Id = "4540673", Name = "March 2020 Security Updates", ProductsNames = ["windows_10", "edge", "internet_explorer"], Url = "https://catalog.update.microsoft.com/v7/site/Search.aspx?q=KB4540673", MachineMissedOn = 1, CveAddressed = 97 },
        new() { Id = "5034441", Name = "January 2024 Security Updates", ProductsNames = ["windows_10"], Url = "https://catalog.update.microsoft.com/v7/site/Search.aspx?q=KB5034441", MachineMissedOn = 1, CveAddressed = 49 },
        new() { Id = "5036893", Name = "April 2024 Security Updates", ProductsNames = ["windows_11", "edge"], Url = "https://catalog.update.microsoft.com/v7/site/Search.aspx?q=KB5036893", MachineMissedOn = 1, CveAddressed = 61 },
    ];

    /// <summary>
    /// Whether a device reports a CVE: it runs the affected product (or is Windows, for OS CVEs) at a version other
    /// than the newest, which has no vulnerabilities (as the software distributions say).
    /// </summary>
    public static bool Exposes(string cveId, IReadOnlySet<string> installed, Machine machine)
    {
        var affected = SoftwareOfVulnerability.GetValueOrDefault(cveId);
        var runs = affected is null ? machine.OsPlatform.StartsWith("Windows", StringComparison.Ordinal) : installed.Contains(affected);
        return runs && !SoftwareVersions.IsLatest(SoftwareVersions.Of(machine.Id, affected ?? "windows"));
    }

    /// <summary>
    /// Whether a device lists a recommendation: a software one (<c>va-_-vendor-_-product</c>) where the product is
    /// installed, a configuration one (<c>scid-N</c>, about Windows settings) on Windows.
    /// </summary>
    public static bool Recommends(MachineRecommendation recommendation, IReadOnlySet<string> installed, Machine machine) =>
        recommendation.Id.StartsWith("va-_-", StringComparison.Ordinal)
            ? installed.Contains(recommendation.Id["va-_-".Length..])
            : machine.OsPlatform.StartsWith("Windows", StringComparison.Ordinal);
}
