using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Alerts;

/// <summary>
/// <c>GET /api/machines/{id}/alerts</c> (get-machine-related-alerts.md) and its <c>/$count</c> segment
/// (exposed-apis-odata-samples.md example 7). The alert query options apply; an unknown device is 404.
/// </summary>
public static class MachineAlertEndpoints
{
    /// <summary>Maps the machine's alerts.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapMachineAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/machines/{id}/alerts").WithTags("Alerts")
            .RequirePermissions(AlertPermissions.ReadApp, AlertPermissions.ReadDelegated)
            .WithRateLimit(ApiRateLimit.Default("machines"));
        group.MapGet("", List);
        group.MapGet("/$count", Count);
        return group;
    }

    private static async Task<IResult> List(string id, HttpContext context, EmulatorDbContext db, ODataCollectionQuery odata, CancellationToken cancellationToken)
    {
        var machine = await db.Machines().GetMachineAsync(id, cancellationToken);
        return await odata.ListAsync(context, db.Alerts().Where(a => a.MachineId == machine.Id), AlertPolicies.List, cancellationToken);
    }

    private static async Task<JsonHttpResult<long>> Count(string id, HttpContext context, EmulatorDbContext db, ODataCollectionQuery odata, CancellationToken cancellationToken)
    {
        var machine = await db.Machines().GetMachineAsync(id, cancellationToken);
        var query = odata.Parse(context, AlertPolicies.List);
        var rows = odata.Filter(db.Alerts().Where(a => a.MachineId == machine.Id), query, AlertPolicies.List);
        return TypedResults.Json(await rows.LongCountAsync(cancellationToken));
    }
}
