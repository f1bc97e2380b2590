using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.MachineActions;

/// <summary><c>/api/machineactions</c>: list (OData), get, cancel, investigation package URI.</summary>
internal static class MachineActionsEndpoints
{
    private static readonly string[] CancelPermissions =
    [
        "Machine.CollectForensics", "Machine.Isolate", "Machine.RestrictExecution", "Machine.Scan", "Machine.Offboard",
        "Machine.StopAndQuarantine", "Machine.LiveResponse",
    ];

    /// <summary>How long a package link works (the page only says "short-lived").</summary>
    private static readonly TimeSpan PackageLinkLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Maps the machine action resource.</summary>
    public static RouteGroupBuilder MapMachineActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/machineactions").WithTags("MachineActions").WithRateLimit(ApiRateLimit.Default("machineactions"));
        group.MapGet("", List).WithSummary("List machineActions API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machineactions-collection").ListsOData(MachineActionPolicies.List).RequirePermissions(MachinesEndpoints.ReadApp, MachinesEndpoints.ReadDelegated).RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/{id}", Get).WithSummary("Get MachineAction object API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machineaction-object").Produces<MachineAction>().RequirePermissions(MachinesEndpoints.ReadApp, MachinesEndpoints.ReadDelegated).RequirePortalRole(PortalRoles.ViewData);
        group.MapPost("/{id}/cancel", Cancel).WithSummary("Cancel machine action API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/cancel-machine-action").Produces<MachineAction>().RequirePermissions(CancelPermissions, CancelPermissions).RequirePortalRole(PortalRoles.ActiveRemediationActions);
        group.MapGet("/{id}/getPackageUri", GetPackageUri).WithSummary("Get package SAS URI API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-package-sas-uri").Produces<ODataValue<string>>()
            .RequirePermissions(MachinesEndpoints.ReadApp, ["Machine.CollectForensics"])
            .RequirePortalRole(PortalRoles.AlertsInvestigation)
            .WithRateLimit(new ApiRateLimit("machineactions.getPackageUri", 2, 120));
        app.MapGet("/downloads/{tenantId:guid}/packages/{id}", DownloadPackage).WithTags("Downloads");
        return group;
    }

    /// <summary>Loads an action after storing its due transitions; with <paramref name="access"/>, only one on a visible device.</summary>
    internal static async Task<MachineAction> GetActionAsync(
        EmulatorDbContext db, MachineActionLifecycle lifecycle, string id, bool tracking, CallerAccess? access, CancellationToken cancellationToken)
    {
        var machineId = await db.Set<MachineAction>().Where(a => a.Id == id).Select(a => a.MachineId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("MachineAction", id));
        if (access is not null)
        {
            var group = await db.Machines().Where(m => m.Id == machineId).Select(m => m.RbacGroupId).FirstOrDefaultAsync(cancellationToken);
            await access.DemandDeviceGroupAsync(group?.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }

        await lifecycle.AdvanceAsync(db, machineId, cancellationToken);
        var actions = tracking ? db.Set<MachineAction>().AsTracking() : db.Set<MachineAction>().AsNoTracking();
        return await actions.FirstAsync(a => a.Id == id, cancellationToken);
    }

    private static async Task<IResult> List(
        HttpContext context, EmulatorDbContext db, ODataCollectionQuery odata, MachineActionLifecycle lifecycle, CallerAccess access, CancellationToken cancellationToken)
    {
        await lifecycle.AdvanceAsync(db, null, cancellationToken);
        var actions = db.Set<MachineAction>().AsQueryable();
        if (!(await access.GetDeviceGroupsAsync(cancellationToken)).All)
        {
            var visible = (await db.Machines().VisibleToAsync(access, cancellationToken)).Select(m => m.Id);
            actions = actions.Where(a => visible.Contains(a.MachineId));
        }

        return await odata.ListAsync(context, actions, MachineActionPolicies.List, cancellationToken);
    }

    private static async Task<IResult> Get(string id, HttpContext context, EmulatorDbContext db, MachineActionLifecycle lifecycle, CallerAccess access, CancellationToken cancellationToken) =>
        ODataResults.Entity(context.Request, MachineActionPolicies.EntitySet, await GetActionAsync(db, lifecycle, id, false, access, cancellationToken));

    private static async Task<IResult> Cancel(
        string id, JsonBody<CancelRequest> body, HttpContext context, EmulatorDbContext db, MachineActionLifecycle lifecycle, CallerAccess access, CancellationToken cancellationToken)
    {
        var action = await GetActionAsync(db, lifecycle, id, true, access, cancellationToken);
        lifecycle.Cancel(action, MachineActionCommandEndpoints.RequestorOf(context), body.Value.Comment);
        await db.SaveChangesAsync(cancellationToken);
        return ODataResults.Entity(context.Request, MachineActionPolicies.EntitySet, action);
    }

    private static async Task<IResult> GetPackageUri(
        string id, HttpContext context, EmulatorDbContext db, MachineActionLifecycle lifecycle, DownloadLinks links, TenantContext tenant, CallerAccess access, CancellationToken cancellationToken)
    {
        var action = await GetActionAsync(db, lifecycle, id, false, access, cancellationToken);
        if (action.Type != MachineActionType.CollectInvestigationPackage)
        {
            throw new DefenderErrorException(DefenderErrors.NotFound($"Machine action {id} is a {action.Type} action, not an investigation package collection."));
        }

        if (action.Status != MachineActionStatus.Succeeded)
        {
            throw new DefenderErrorException(DefenderErrors.NotFound($"The investigation package of machine action {id} is not available: the collection is {action.Status}."));
        }

        var url = links.Create(context.Request, $"/downloads/{tenant.TenantId}/packages/{action.Id}", PackageLinkLifetime);
        return new ODataValueResult(ODataLinks.Context(context.Request, "Edm.String"), url);
    }

    private static async Task<IResult> DownloadPackage(Guid tenantId, string id, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.File(InvestigationPackage.Build(await ActionDownloads.OpenAsync(context, tenantId, id, cancellationToken)), "application/zip", "WDATP_Investigation_Package.zip");
}
