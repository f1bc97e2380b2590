using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Users;

/// <summary>
/// <c>/api/users/{id}</c>: related alerts and machines. The id is the account name only (not the UPN); an unknown
/// user is an empty answer (<see href="https://learn.microsoft.com/defender-endpoint/api/get-user-related-alerts">Get user-related alerts API</see>, <see href="https://learn.microsoft.com/defender-endpoint/api/get-user-related-machines">Get user-related machines API</see>).
/// </summary>
internal static class UserEndpoints
{
    /// <summary>Maps the user resource.</summary>
    public static RouteGroupBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").WithRateLimit(ApiRateLimit.Default("users")).RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/{id}/alerts", Alerts).WithSummary("Get user-related alerts API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-user-related-alerts").Lists<Alert>().RequirePermissions(AlertPermissions.ReadApp, AlertPermissions.ReadDelegated);
        group.MapGet("/{id}/machines", Machines).WithSummary("Get user-related machines API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-user-related-machines").Lists<Machine>().RequirePermissions(["Machine.ReadWrite.All"], ["Machine.ReadWrite"]);
        return group;
    }

    private static async Task<IResult> Alerts(string id, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken) =>
        ODataResults.Collection(context.Request, "Alerts", await EvidenceQueries.AlertsAsync(db, await db.VisibleAlertsAsync(access, cancellationToken), e => e.AccountName == id, cancellationToken));

    private static async Task<IResult> Machines(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        // The machines' logon users (domain\name ids) say where the user logged on.
        var suffix = ("\\" + id).ToLowerInvariant();
        var ids = db.Set<MachineRelatedItem>().Where(i => i.Kind == RelatedKind.LogonUsers && i.Id.ToLower().EndsWith(suffix)).Select(i => i.MachineId);
        var machines = await db.Machines().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return ODataResults.Collection(context.Request, "Machines", machines);
    }
}
