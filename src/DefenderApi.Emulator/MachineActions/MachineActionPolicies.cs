using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>The OData rules of <c>GET /api/machineactions</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/get-machineactions-collection">List machineActions API</see>).</summary>
internal static class MachineActionPolicies
{
    public const string EntitySet = "MachineActions";

    public static readonly ODataCollectionPolicy<MachineAction> List = new()
    {
        EntitySet = EntitySet,
        FilterProperties = ODataPolicy.Properties("id", "status", "machineId", "type", "requestor", "creationDateTimeUtc"),
        StableOrder = a => a.Id,
    };
}
