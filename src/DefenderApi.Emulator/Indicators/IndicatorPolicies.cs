using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.Indicators;

/// <summary>The OData rules of <c>GET /api/indicators</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/get-ti-indicators-collection">List Indicators API</see>).</summary>
internal static class IndicatorPolicies
{
    public const string EntitySet = "Indicators";

    // The page also lists createdByDisplayName, which no indicator property carries (<see href="https://learn.microsoft.com/defender-endpoint/api/ti-indicator">Indicator resource type</see>); it is left out.
    public static readonly ODataCollectionPolicy<Indicator> List = new()
    {
        EntitySet = EntitySet,
        FilterProperties = ODataPolicy.Properties(
            "application", "expirationTime", "generateAlert", "title", "rbacGroupNames", "rbacGroupIds", "indicatorValue",
            "indicatorType", "creationTimeDateTimeUtc", "createdBy", "action", "severity"),
        StableOrder = i => i.Id,
    };
}
