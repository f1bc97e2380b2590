using DefenderApi.Emulator.OData;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Alerts;

/// <summary>The OData rules of <c>GET /api/alerts</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/get-alerts">List alerts API</see>).</summary>
internal static class AlertPolicies
{
    public const string EntitySet = "Alerts";

    // The page spells one filter "asssignedTo"; the property is assignedTo.
    public static readonly ODataCollectionPolicy<Alert> List = new()
    {
        EntitySet = EntitySet,
        FilterProperties = ODataPolicy.Properties(
            "alertCreationTime", "lastUpdateTime", "incidentId", "investigationId", "id", "assignedTo", "detectionSource",
            "lastEventTime", "status", "severity", "category"),
        Expand = new Dictionary<string, Func<IQueryable<Alert>, IQueryable<Alert>>>(StringComparer.Ordinal)
        {
            ["evidence"] = alerts => alerts.Include(a => a.Evidence.OrderBy(e => e.Sequence)),
        },
        StableOrder = a => a.Id,
    };

}
