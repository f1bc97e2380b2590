using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenderApi.Emulator.Admin;

/// <summary>Reset of everything or one tenant, and named snapshots.</summary>
internal static class StoreEndpoints
{
    /// <summary>Maps reset and snapshot calls on the admin group.</summary>
    public static RouteGroupBuilder MapStore(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapPost("/reset", ResetAll);
        admin.MapPost("/tenants/{tenantId}/reset", ResetTenant);
        var snapshots = admin.MapGroup("/snapshots").WithTags("Snapshots");
        snapshots.MapGet("/", List);
        snapshots.MapPost("/{name}", Save);
        snapshots.MapPost("/{name}/restore", Restore);
        snapshots.MapDelete("/{name}", Delete);
        return admin;
    }

    private static async Task<NoContent> ResetAll(StoreReset reset, CancellationToken cancellationToken)
    {
        await reset.ResetAllAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ResetTenant(string tenantId, TenantDirectory tenants, StoreReset reset, CancellationToken cancellationToken) =>
        await reset.ResetTenantAsync(tenants.Require(tenantId), cancellationToken)
            ? TypedResults.NoContent()
            : throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Tenant", tenantId));

    private static Ok<IReadOnlyList<SnapshotInfo>> List(SnapshotStore snapshots) => TypedResults.Ok(snapshots.List());

    private static async Task<Created<SnapshotInfo>> Save(string name, SnapshotStore snapshots, CancellationToken cancellationToken)
    {
        var info = await snapshots.SaveAsync(name, cancellationToken);
        return TypedResults.Created($"/_emulator/snapshots/{name}", info);
    }

    private static async Task<NoContent> Restore(string name, SnapshotStore snapshots, CancellationToken cancellationToken)
    {
        await snapshots.RestoreAsync(name, cancellationToken);
        return TypedResults.NoContent();
    }

    private static NoContent Delete(string name, SnapshotStore snapshots)
    {
        snapshots.Delete(name);
        return TypedResults.NoContent();
    }
}
