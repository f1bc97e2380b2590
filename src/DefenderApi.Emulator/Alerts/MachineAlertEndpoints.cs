using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Alerts;

/// <summary>
/// <c>GET /api/machines/{id}/alerts</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/get-machine-related-alerts">Get machine related alerts API</see>) and its <c>/$count</c> segment
/// (<see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-odata-samples">OData queries with Microsoft Defender for Endpoint</see> example 7). The alert query options apply; an unknown device is 404.
/// </summary>
internal static class MachineAlertEndpoints
{
    /// <summary>Maps the machine's alerts.</summary>
    public static RouteGroupBuilder MapMachineAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/machines/{id}/alerts").WithTags("Alerts")
            .RequirePermissions(AlertPermissions.ReadApp, AlertPermissions.ReadDelegated)
            .RequirePortalRole(PortalRoles.ViewData)
            .WithRateLimit(ApiRateLimit.Default("machines"));
        group.MapGet("", List).WithSummary("Get machine related alerts API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machine-related-alerts").ListsOData(AlertPolicies.List).WithName("Machines_ListAlerts");
        group.MapGet("/$count", Count).WithSummary("Get machine related alerts count").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machine-related-alerts").Produces<long>().WithName("Machines_CountAlerts");
        return group;
    }

    private static async Task<IResult> List(
        string id, HttpContext context, EmulatorDbContext db, CallerAccess access, ODataCollectionQuery odata, CancellationToken cancellationToken)
    {
        var alerts = await MachineAlertsAsync(id, db, access, cancellationToken);
        return await odata.ListAsync(context, alerts, AlertPolicies.List, cancellationToken);
    }

    private static async Task<JsonHttpResult<long>> Count(
        string id, HttpContext context, EmulatorDbContext db, CallerAccess access, ODataCollectionQuery odata, CancellationToken cancellationToken)
    {
        var alerts = await MachineAlertsAsync(id, db, access, cancellationToken);
        var rows = odata.Filter(alerts, odata.Parse(context, AlertPolicies.List), AlertPolicies.List);
        return TypedResults.Json(await rows.LongCountAsync(cancellationToken));
    }

    // A device outside the user's groups is refused like any other call on that device (403).
    private static async Task<IQueryable<Alert>> MachineAlertsAsync(string id, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var machine = await db.Machines().GetMachineAsync(id, cancellationToken);
        await access.DemandDeviceGroupAsync(machine.RbacGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return db.Alerts().Where(a => a.MachineId == machine.Id);
    }
}
