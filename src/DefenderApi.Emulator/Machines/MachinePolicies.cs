using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.Machines;

/// <summary>The OData rules of <c>GET /api/machines</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/get-machines">List machines API</see>).</summary>
internal static class MachinePolicies
{
    public const string EntitySet = "Machines";

    public static readonly ODataCollectionPolicy<Machine> List = new()
    {
        EntitySet = EntitySet,
        FilterProperties = ODataPolicy.Properties(
            "computerDnsName", "id", "version", "deviceValue", "aadDeviceId", "machineTags", "lastSeen", "exposureLevel",
            "onboardingStatus", "lastIpAddress", "healthStatus", "osPlatform", "riskScore", "rbacGroupId", "ipAddresses"),
        StableOrder = m => m.Id,
    };
}
