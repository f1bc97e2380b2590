using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>The OData rules of <c>GET /api/machineactions</c> (get-machineactions-collection.md).</summary>
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
