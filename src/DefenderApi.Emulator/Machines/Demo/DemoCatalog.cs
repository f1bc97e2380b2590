using DefenderApi.Emulator.Machines.Related;

namespace DefenderApi.Emulator.Machines.Demo;

/// <summary>The fixed catalogue the demo machines draw their tags, groups, users and configuration findings from (software and CVEs: <see cref="Vulnerabilities.Catalog.TvmCatalog"/>).</summary>
internal static class DemoCatalog
{
    public static readonly (long Id, string Name)[] Groups =
    [
        (140, "The-A-Team"), (141, "Finance"), (142, "Engineering"), (143, "Servers - Production"), (144, "Servers - Test"),
        (145, "Executives"), (146, "Mobile devices"), (147, "UnassignedGroup"),
    ];

    public static readonly string[] Tags = ["VIP", "Finance", "Engineering", "Kiosk", "PCI", "Pilot", "Lab", "Remote", "HQ", "Branch-Office"];

    public static readonly string[] Users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter"];

    // The configuration recommendations of Windows devices; software recommendations follow from the TVM catalogue.
    public static readonly MachineRecommendation[] Recommendations =
    [
        new() { Id = "scid-2010", ProductName = "windows_defender_antivirus", RecommendationName = "Turn on PUA protection in block mode", Vendor = "microsoft", RecommendationCategory = "SecurityControls", SubCategory = "Antivirus", SeverityScore = 2.0, RemediationType = "ConfigurationChange", Status = "Active", ConfigScoreImpact = 4.5, ExposedMachinesCount = 1, RelatedComponent = "Antivirus" },
        new() { Id = "scid-91", ProductName = "windows_10", RecommendationName = "Set 'Minimum password length' to '14 or more characters'", Vendor = "microsoft", RecommendationCategory = "Accounts", SubCategory = "Password policy", SeverityScore = 1.5, RemediationType = "ConfigurationChange", Status = "Exception", ConfigScoreImpact = 1.1, ExposedMachinesCount = 1, RelatedComponent = "Accounts" },
    ];
}
