using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.Vulnerabilities;

/// <summary>The OData rules of the TVM collections (<see href="https://learn.microsoft.com/defender-endpoint/api/get-software">List software</see>, <see href="https://learn.microsoft.com/defender-endpoint/api/get-all-vulnerabilities">Get all vulnerabilities</see>, ...).</summary>
internal static class TvmPolicies
{
    public static readonly ODataCollectionPolicy<SoftwareProduct> Software = new()
    {
        EntitySet = "Software",
        FilterProperties = ODataPolicy.Properties("id", "name", "vendor"),
        StableOrder = s => s.Id,
    };

    public static readonly ODataCollectionPolicy<Vulnerability> Vulnerabilities = new()
    {
        EntitySet = "Vulnerabilities",
        FilterProperties = ODataPolicy.Properties("id", "name", "description", "cvssV3", "publishedOn", "severity", "updatedOn"),
        MaxTop = 8_000,
        PageSize = 8_000,
        StableOrder = v => v.Id,
    };

    public static readonly ODataCollectionPolicy<MachineVulnerability> MachineVulnerabilities = new()
    {
        EntitySet = "MachineVulnerabilities",
        FilterProperties = ODataPolicy.Properties(
            "id", "cveId", "machineId", "fixingKbId", "productName", "productVersion", "severity", "productVendor"),
        StableOrder = v => v.Id,
    };

    public static readonly ODataCollectionPolicy<SecurityRecommendation> Recommendations = new()
    {
        EntitySet = "Recommendations",
        FilterProperties = ODataPolicy.Properties(
            "id", "productName", "vendor", "recommendedVersion", "recommendationCategory", "subCategory", "severityScore",
            "remediationType", "recommendedProgram", "recommendedVendor", "status"),
        StableOrder = r => r.Id,
    };
}
