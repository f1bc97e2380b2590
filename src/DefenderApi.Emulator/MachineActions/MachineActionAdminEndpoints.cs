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

/// <summary><c>POST /_emulator/tenants/{tenantId}/machineactions/{id}/complete</c> (contract §5).</summary>
public static class MachineActionAdminEndpoints
{
    /// <summary>Maps the complete call on the admin group.</summary>
    /// <param name="admin">The admin group.</param>
    /// <returns>The endpoint.</returns>
    public static RouteHandlerBuilder MapMachineActionAdmin(this RouteGroupBuilder admin) =>
        admin.MapPost("/tenants/{tenantId}/machineactions/{id}/complete", Complete);

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
public sealed record CompleteActionRequest
{
    /// <summary>Succeeded, Failed, TimeOut or Cancelled.</summary>
    [JsonPropertyName("status")]
    public required MachineActionStatus Status { get; init; }
}
