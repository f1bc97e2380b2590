using DefenderApi.Emulator.Machines.Related;

namespace DefenderApi.Emulator.Vulnerabilities.Catalog;

/// <summary>A CVE the catalogue holds as such: the reference pages' examples and well-known ones.</summary>
/// <param name="Details">What the API shows.</param>
/// <param name="ProductId">The product it affects.</param>
/// <param name="FixedIndex">The first fixed version (index).</param>
/// <param name="Epss">Its EPSS probability.</param>
internal sealed record KnownCve(DiscoveredVulnerability Details, string ProductId, int FixedIndex, double Epss)
{
    /// <summary>The known CVEs.</summary>
    public static readonly KnownCve[] All =
    [
        new(Cve("CVE-2019-1348", "Git could allow a remote attacker to bypass security restrictions.", VulnerabilitySeverity.Medium, 4.3, new(2019, 12, 13, 0, 0, 0, TimeSpan.Zero), new(2019, 12, 13, 0, 0, 0, TimeSpan.Zero)), "git-scm-_-git", 2, 0.0021),
        new(Cve("CVE-2021-44228", "Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints.", VulnerabilitySeverity.Critical, 10.0, new(2021, 12, 10, 0, 0, 0, TimeSpan.Zero), new(2023, 4, 3, 0, 0, 0, TimeSpan.Zero)) with
        {
            PublicExploit = true, ExploitVerified = true, ExploitInKit = true, ExploitTypes = ["RemoteCodeExecution"], ExploitUris = ["https://www.exploit-db.com/exploits/50592"],
        }, "oracle-_-jre", 2, 0.97565),
        new(Cve("CVE-2023-4863", "Heap buffer overflow in libwebp.", VulnerabilitySeverity.High, 8.8, new(2023, 9, 12, 0, 0, 0, TimeSpan.Zero), new(2024, 1, 7, 0, 0, 0, TimeSpan.Zero)) with { PublicExploit = true }, "google-_-chrome", 2, 0.3107),
        new(Cve("CVE-2020-6494", "Incorrect security UI in payments in Google Chrome.", VulnerabilitySeverity.Medium, 4.3, new(2020, 6, 3, 0, 0, 0, TimeSpan.Zero), new(2020, 6, 8, 0, 0, 0, TimeSpan.Zero)), "google-_-chrome", 1, 0.0012),
        new(Cve("CVE-2019-13748", "Insufficient policy enforcement in developer tools in Google Chrome.", VulnerabilitySeverity.Medium, 6.5, new(2019, 12, 10, 0, 0, 0, TimeSpan.Zero), new(2019, 12, 17, 0, 0, 0, TimeSpan.Zero)), "google-_-chrome", 1, 0.0019),
        new(Cve("CVE-2022-3602", "X.509 email address 4-byte buffer overflow in OpenSSL.", VulnerabilitySeverity.High, 7.5, new(2022, 11, 1, 0, 0, 0, TimeSpan.Zero), new(2022, 11, 1, 0, 0, 0, TimeSpan.Zero)), "openssl-_-openssl", 2, 0.0088),
        new(Cve("CVE-2020-1472", "Netlogon elevation of privilege vulnerability.", VulnerabilitySeverity.Critical, 10.0, new(2020, 8, 17, 0, 0, 0, TimeSpan.Zero), new(2021, 2, 9, 0, 0, 0, TimeSpan.Zero)) with
        {
            PublicExploit = true, ExploitVerified = true, ExploitTypes = ["PrivilegeEscalation"],
        }, "microsoft-_-windows_server_2019", 2, 0.97432),
        new(Cve("CVE-2019-0608", "A spoofing vulnerability exists when Microsoft Browsers does not properly parse HTTP content.", VulnerabilitySeverity.Medium, 4.3, new(2019, 10, 8, 0, 0, 0, TimeSpan.Zero), new(2019, 10, 8, 0, 0, 0, TimeSpan.Zero)), "microsoft-_-edge", 1, 0.0052),
        new(Cve("CVE-2017-0140", "A security feature bypass vulnerability exists when Microsoft Edge improperly handles requests of different origins.", VulnerabilitySeverity.Medium, 4.2, new(2017, 3, 14, 0, 0, 0, TimeSpan.Zero), new(2017, 3, 14, 0, 0, 0, TimeSpan.Zero)), "microsoft-_-edge", 1, 0.0044),
        new(Cve("CVE-2016-3348", "An elevation of privilege vulnerability exists when Windows improperly handles certain objects in memory.", VulnerabilitySeverity.High, 7.8, new(2016, 9, 13, 0, 0, 0, TimeSpan.Zero), new(2016, 9, 13, 0, 0, 0, TimeSpan.Zero)), "microsoft-_-windows_10", 1, 0.0011),
    ];

    private static DiscoveredVulnerability Cve(string id, string description, VulnerabilitySeverity severity, double cvss, DateTimeOffset published, DateTimeOffset updated) =>
        new() { Id = id, Name = id, Description = description, Severity = severity, CvssV3 = cvss, PublishedOn = published, UpdatedOn = updated };
}
