using System.Text.Json.Serialization;
using DefenderApi.Emulator.Admin;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.MachineActions;

/// <summary><c>POST /_emulator/tenants/{tenantId}/machineactions/{id}/complete</c> (see docs/admin.md).</summary>
internal static class MachineActionAdminEndpoints
{
    /// <summary>Maps the complete call and the list of open actions on the admin group.</summary>
    /// <returns>The complete endpoint.</returns>
    public static RouteHandlerBuilder MapMachineActionAdmin(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/tenants/{tenantId}/machineactions", ListOpen);
        return admin.MapPost("/tenants/{tenantId}/machineactions/{id}/complete", Complete);
    }

    /// <summary>
    /// <c>GET /_emulator/tenants/{tenantId}/machineactions</c>: the tenant's <c>Pending</c> and <c>InProgress</c>
    /// actions (after storing their due transitions), newest first, in the API's shape and without an API token.
    /// </summary>
    private static async Task<IResult> ListOpen(
        string tenantId, HttpContext context, TenantDirectory tenants, TenantContext tenant, EmulatorDbContext db,
        MachineActionLifecycle lifecycle, CancellationToken cancellationToken)
    {
        AdminTenant.Enter(tenantId, tenants, tenant);
        await lifecycle.AdvanceAsync(db, null, cancellationToken);
        var open = await db.Set<MachineAction>()
            .Where(a => a.Status == MachineActionStatus.Pending || a.Status == MachineActionStatus.InProgress)
            .ToListAsync(cancellationToken);
        return ODataResults.Collection(context.Request, MachineActionPolicies.EntitySet,
            [.. open.OrderByDescending(a => a.CreationDateTimeUtc).ThenBy(a => a.Id, StringComparer.Ordinal)]);
    }

    private static async Task<IResult> Complete(
        string tenantId, string id, JsonBody<CompleteActionRequest> body, HttpContext context, TenantDirectory tenants, TenantContext tenant,
        EmulatorDbContext db, MachineActionLifecycle lifecycle, CancellationToken cancellationToken)
    {
        AdminTenant.Enter(tenantId, tenants, tenant);
        var status = body.Value.Status;
        if (status is MachineActionStatus.Pending or MachineActionStatus.InProgress)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{status}' for status; expected Succeeded, Failed, TimeOut or Cancelled"));
        }

        var action = await MachineActionsEndpoints.GetActionAsync(db, lifecycle, id, true, null, cancellationToken);
        var machine = await db.Machines().AsTracking().FirstOrDefaultAsync(m => m.Id == action.MachineId, cancellationToken);
        lifecycle.Complete(action, machine, status);
        await db.SaveChangesAsync(cancellationToken);
        return ODataResults.Entity(context.Request, MachineActionPolicies.EntitySet, action);
    }
}

/// <summary>The body of the complete call.</summary>
internal sealed record CompleteActionRequest
{
    /// <summary>Succeeded, Failed, TimeOut or Cancelled.</summary>
    [JsonPropertyName("status")]
    public required MachineActionStatus Status { get; init; }
}
