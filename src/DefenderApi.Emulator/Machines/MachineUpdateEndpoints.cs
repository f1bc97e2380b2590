using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Machines;

/// <summary>Machine updates: PATCH, tags (one and many machines), device value.</summary>
internal static class MachineUpdateEndpoints
{
    /// <summary>The documented maximum of machines per multi-machine tag call.</summary>
    public const int MaxTaggedMachines = 500;

    // Tags are a stored list that each call rewrites: read, change and save one update at a time, or concurrent
    // calls lose each other's tags.
    private const string MachineWrites = "machines";

    /// <summary>Maps the update calls on the machines group.</summary>
    /// <param name="machines">The <c>/api/machines</c> group.</param>
    public static void MapMachineUpdates(this RouteGroupBuilder machines)
    {
        ArgumentNullException.ThrowIfNull(machines);
        string[] app = MachinesEndpoints.WriteApp, delegated = MachinesEndpoints.WriteDelegated;
        machines.MapPatch("/{id}", Update).WithSummary("Update machine entity API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/update-machine-method").Produces<Machine>().RequirePermissions(app, delegated).RequirePortalRole(PortalRoles.AlertsInvestigation);
        machines.MapPost("/{id}/tags", Tag).WithSummary("Add or remove a tag for a machine").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/add-or-remove-machine-tags").Produces<Machine>().RequirePermissions(app, delegated).RequirePortalRole(PortalRoles.ManageSecuritySetting);
        machines.MapPost("/AddOrRemoveTagForMultipleMachines", TagMany).WithSummary("Add or remove a tag for multiple machines").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/add-or-remove-multiple-machine-tags").Lists<Machine>().RequirePermissions(app, delegated).RequirePortalRole(PortalRoles.ManageSecuritySetting);
        machines.MapPost("/{id}/setDeviceValue", SetDeviceValue).WithSummary("Set device value API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/set-device-value").Produces<Machine>().RequirePermissions(app, delegated).RequirePortalRole(PortalRoles.ManageSecuritySetting);
    }

    private static async Task<IResult> Update(string id, JsonBody<UpdateMachineRequest> body, HttpContext context, EmulatorDbContext db, CallerAccess access, TenantWriteLocks locks, CancellationToken cancellationToken)
    {
        using var held = await locks.AcquireAsync(db.CurrentTenantId, MachineWrites, cancellationToken);
        var machine = await db.Machines().AsTracking().GetMachineAsync(id, access, cancellationToken);
        // e-8: the body's list replaces the tag set.
        if (body.Value.MachineTags is { } tags)
        {
            machine.MachineTags = [.. tags.Distinct(StringComparer.Ordinal)];
        }

        machine.DeviceValue = body.Value.DeviceValue ?? machine.DeviceValue;
        await db.SaveChangesAsync(cancellationToken);
        return ODataResults.Entity(context.Request, MachinePolicies.EntitySet, machine);
    }

    private static async Task<IResult> Tag(string id, JsonBody<MachineTagRequest> body, HttpContext context, EmulatorDbContext db, CallerAccess access, TenantWriteLocks locks, CancellationToken cancellationToken)
    {
        using var held = await locks.AcquireAsync(db.CurrentTenantId, MachineWrites, cancellationToken);
        var machine = await db.Machines().AsTracking().GetMachineAsync(id, access, cancellationToken);
        ApplyTag(machine, CheckedTag(body.Value.Value), body.Value.Action);
        await db.SaveChangesAsync(cancellationToken);
        return ODataResults.Entity(context.Request, MachinePolicies.EntitySet, machine);
    }

    private static async Task<IResult> TagMany(
        JsonBody<MultipleMachineTagRequest> body, HttpContext context, EmulatorDbContext db, CallerAccess access, TenantWriteLocks locks, CancellationToken cancellationToken)
    {
        var request = body.Value;
        if (request.MachineIds.Count > MaxTaggedMachines)
        {
            return DefenderErrors.BatchTooLarge(request.MachineIds.Count, MaxTaggedMachines).ToResult();
        }

        var tag = CheckedTag(request.Value);
        var ids = request.MachineIds.Distinct(StringComparer.Ordinal).ToList();
        using var held = await locks.AcquireAsync(db.CurrentTenantId, MachineWrites, cancellationToken);
        var machines = await db.Machines().AsTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        if (ids.FirstOrDefault(i => machines.All(m => m.Id != i)) is { } missing)
        {
            return DefenderErrors.ResourceNotFound("Machine", missing).ToResult();
        }

        foreach (var machine in machines)
        {
            await access.DemandDeviceGroupAsync(machine.GroupKey, cancellationToken);
            ApplyTag(machine, tag, request.Action);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ODataResults.Collection(context.Request, MachinePolicies.EntitySet, machines);
    }

    private static async Task<IResult> SetDeviceValue(string id, JsonBody<SetDeviceValueRequest> body, HttpContext context, EmulatorDbContext db, CallerAccess access, TenantWriteLocks locks, CancellationToken cancellationToken)
    {
        using var held = await locks.AcquireAsync(db.CurrentTenantId, MachineWrites, cancellationToken);
        var machine = await db.Machines().AsTracking().GetMachineAsync(id, access, cancellationToken);
        machine.DeviceValue = body.Value.DeviceValue;
        await db.SaveChangesAsync(cancellationToken);
        return ODataResults.Entity(context.Request, MachinePolicies.EntitySet, machine);
    }

    private static string CheckedTag(string tag) => string.IsNullOrWhiteSpace(tag)
        ? throw new DefenderErrorException(DefenderErrors.InvalidInput("'' for Value; a tag must not be empty"))
        : tag;

    private static void ApplyTag(Machine machine, string tag, TagAction action)
    {
        if (action == TagAction.Add && !machine.MachineTags.Contains(tag))
        {
            machine.MachineTags = [.. machine.MachineTags, tag];
        }
        else if (action == TagAction.Remove)
        {
            machine.MachineTags = [.. machine.MachineTags.Where(t => t != tag)];
        }
    }
}
