using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Machines.State;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OData.Rows;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Alerts;

/// <summary><c>/api/alerts</c>: list, get, update, batch update, create by reference (the alert pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class AlertEndpoints
{
    private const string AlertWrites = "alerts";

    /// <summary>Maps the alert resource.</summary>
    public static RouteGroupBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Alerts");
        group.MapGet("", List).WithSummary("List alerts API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-alerts").ListsOData(AlertPolicies.List)
            .RequirePermissions(AlertPermissions.ReadApp, AlertPermissions.ReadDelegated)
            .RequirePortalRole(PortalRoles.ViewData)
            .WithRateLimit(ApiRateLimit.Default("alerts"));
        group.MapGet("/{id}", Get).WithSummary("Get alert information by ID API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-alert-info-by-id").Produces<Alert>()
            .RequirePermissions(AlertPermissions.ReadApp, AlertPermissions.ReadDelegated)
            .RequirePortalRole(PortalRoles.ViewData)
            .WithRateLimit(ApiRateLimit.Default("alerts"));
        group.MapPatch("/{id}", Update).WithSummary("Update alert entity API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/update-alert").Produces<Alert>()
            .RequirePermissions(AlertPermissions.UpdateApp, AlertPermissions.WriteDelegated)
            .RequirePortalRole(PortalRoles.AlertsInvestigation)
            .WithRateLimit(ApiRateLimit.Default("alerts"));
        group.MapPost("/batchUpdate", BatchUpdate).WithSummary("Batch Update alert entities API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/batch-update-alerts").Produces(StatusCodes.Status200OK)
            .RequirePermissions(AlertPermissions.WriteApp, AlertPermissions.WriteDelegated)
            .RequirePortalRole(PortalRoles.AlertsInvestigation)
            .WithRateLimit(new ApiRateLimit("alerts.batchUpdate", 10, 500));
        group.MapPost("/CreateAlertByReference", CreateByReference).WithSummary("Create alert from event API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/create-alert-by-reference").Produces<Alert>()
            .RequirePermissions(AlertPermissions.WriteApp, AlertPermissions.WriteDelegated)
            .RequirePortalRole(PortalRoles.AlertsInvestigation)
            .WithRateLimit(new ApiRateLimit("alerts.createByReference", 15, null));
        group.MapAlertRelatedEntities();
        app.MapMachineAlerts();
        return group;
    }

    private static async Task<IResult> List(
        HttpContext context, EmulatorDbContext db, CallerAccess access, ODataCollectionQuery odata, CancellationToken cancellationToken) =>
        await odata.ListAsync(context, await db.VisibleAlertsAsync(access, cancellationToken), AlertPolicies.List, cancellationToken);

    // <see href="https://learn.microsoft.com/defender-endpoint/api/alerts">Get alerts API</see>'s example of an alert shows its evidence; GET by id answers it with the evidence, in order.
    private static async Task<IResult> Get(string id, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var alert = await (await db.VisibleAlertsAsync(access, cancellationToken))
            .Include(a => a.Evidence.OrderBy(e => e.Sequence))
            .GetAlertAsync(id, cancellationToken);
        return ODataResults.Entity(context.Request, AlertPolicies.EntitySet, alert);
    }

    private static async Task<IResult> Update(
        string id, JsonBody<UpdateAlertRequest> body, HttpContext context, EmulatorDbContext db, CallerAccess access, TimeProvider time,
        TenantWriteLocks locks, MachineStateService machines, CancellationToken cancellationToken)
    {
        var change = AlertChangeRules.Check(body.Value.ToChange());
        // Comments append to the stored list: read, apply and save one update at a time, or concurrent ones lose comments.
        using var held = await locks.AcquireAsync(db.CurrentTenantId, AlertWrites, cancellationToken);
        var alert = await (await db.VisibleAlertsAsync(access, cancellationToken)).AsTracking().GetAlertAsync(id, cancellationToken);
        AlertChangeRules.Apply(alert, change, access.Requestor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await machines.RefreshAsync([alert.MachineId], MachineFacets.Risk, cancellationToken);
        return ODataResults.Entity(context.Request, AlertPolicies.EntitySet, alert);
    }

    private static async Task<Ok> BatchUpdate(
        JsonBody<BatchUpdateAlertsRequest> body, HttpContext context, EmulatorDbContext db, CallerAccess access, TimeProvider time,
        IOptions<AlertOptions> options, TenantWriteLocks locks, MachineStateService machines, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var allowed = options.Value.MaxBatchUpdate;
        if (request.AlertIds.Count > allowed)
        {
            throw new DefenderErrorException(DefenderErrors.BatchTooLarge(request.AlertIds.Count, allowed));
        }

        var change = AlertChangeRules.Check(request.ToChange());
        var ids = request.AlertIds.Distinct(StringComparer.Ordinal).ToList();
        using var held = await locks.AcquireAsync(db.CurrentTenantId, AlertWrites, cancellationToken);
        var visible = await db.VisibleAlertsAsync(access, cancellationToken);
        var alerts = await visible.AsTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        if (ids.FirstOrDefault(id => alerts.All(a => a.Id != id)) is { } missing)
        {
            throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Alert", missing));
        }

        var now = time.GetUtcNow();
        foreach (var alert in alerts)
        {
            AlertChangeRules.Apply(alert, change, access.Requestor, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await machines.RefreshAsync(alerts.Select(a => a.MachineId), MachineFacets.Risk, cancellationToken);
        return TypedResults.Ok();
    }

    private static async Task<IResult> CreateByReference(
        JsonBody<CreateAlertByReferenceRequest> body, HttpContext context, CallerAccess access, AlertReferenceService alerts, CancellationToken cancellationToken) =>
        ODataResults.Entity(context.Request, AlertPolicies.EntitySet, await alerts.CreateAsync(body.Value, access.Requestor, cancellationToken));
}
