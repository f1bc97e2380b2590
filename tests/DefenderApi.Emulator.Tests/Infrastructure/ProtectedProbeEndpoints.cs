using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>
/// Test-only API endpoints protected exactly as features protect theirs (permissions, portal role, device group,
/// tenant feature), routed after the emulator's own pipeline so no fake endpoint ships in the emulator. The
/// emulator's authentication has already run for the request; this branch only authorizes and answers.
/// </summary>
public sealed class ProtectedProbeEndpoints : IStartupFilter
{
    /// <summary>GET: needs Machine.Read(.All) and 'View Data'; answers the caller's identity.</summary>
    public const string ReadPath = "/api/_probe/read";

    /// <summary>POST …/{rbacGroupId}: needs Machine.Isolate, 'Active remediation actions' and the device group.</summary>
    public const string IsolatePath = "/api/_probe/isolate";

    /// <summary>POST: needs Machine.LiveResponse and the live response feature.</summary>
    public const string LiveResponsePath = "/api/_probe/liveresponse";

    /// <summary>GET ?groups=a,b: the given rbacGroupIds the caller sees (list filtering).</summary>
    public const string VisibleGroupsPath = "/api/_probe/visiblegroups";

    /// <summary>GET: the tenant-owned rows the caller's tenant filter lets through (apps and users).</summary>
    public const string TenantDataPath = "/api/_probe/tenantdata";

    /// <summary>POST: refused by <see cref="OperationPolicy"/>.</summary>
    public const string DisallowedPath = "/api/_probe/disallowed";

    /// <summary>DELETE: application permissions only (like DELETE /api/indicators/{id}, which lists no delegated one).</summary>
    public const string AppOnlyPath = "/api/_probe/apponly";

    private static readonly string[] ReadApp = ["Machine.Read.All", "Machine.ReadWrite.All"];
    private static readonly string[] ReadDelegated = ["Machine.Read", "Machine.ReadWrite"];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.UseRouting();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapGet(ReadPath, (CallerAccess access) => Results.Ok(new ProbeCaller(access.IsDelegated, access.Requestor)))
                .RequirePermissions(ReadApp, ReadDelegated)
                .RequirePortalRole(PortalRoles.ViewData);
            endpoints.MapPost(IsolatePath + "/{rbacGroupId}", IsolateAsync)
                .RequirePermissions(["Machine.Isolate"], ["Machine.Isolate"])
                .RequirePortalRole(PortalRoles.ActiveRemediationActions);
            endpoints.MapPost(LiveResponsePath, () => Results.Ok())
                .RequirePermissions(["Machine.LiveResponse"], ["Machine.LiveResponse"])
                .RequireFeature(TenantFeatures.LiveResponse);
            endpoints.MapGet(VisibleGroupsPath, VisibleGroupsAsync).RequirePermissions(ReadApp, ReadDelegated);
            endpoints.MapGet(TenantDataPath, TenantDataAsync).RequirePermissions(ReadApp, ReadDelegated);
            endpoints.MapDelete(AppOnlyPath, () => Results.NoContent()).RequirePermissions(["Ti.ReadWrite", "Ti.ReadWrite.All"], []);
            endpoints.MapPost(DisallowedPath, () => OperationPolicy.Disallow("StopAndQuarantineFile", "the file is signed by Microsoft").ToResult())
                .RequirePermissions(["Machine.StopAndQuarantine"], ["Machine.StopAndQuarantine"]);
        });
    };

    private static async Task<IResult> IsolateAsync(string rbacGroupId, CallerAccess access, CancellationToken cancellationToken)
    {
        await access.DemandDeviceGroupAsync(rbacGroupId, cancellationToken);
        return Results.Ok();
    }

    private static async Task<IResult> VisibleGroupsAsync(string groups, CallerAccess access, CancellationToken cancellationToken)
    {
        var scope = await access.GetDeviceGroupsAsync(cancellationToken);
        var devices = groups.Split(',').Select(g => new ProbeDevice(g)).AsQueryable();
        return Results.Ok(devices.Where(scope.Filter<ProbeDevice>(d => d.RbacGroupId)).Select(d => d.RbacGroupId).ToList());
    }

    private static async Task<IResult> TenantDataAsync(EmulatorDbContext db, CancellationToken cancellationToken) => Results.Ok(new ProbeTenantData(
        await db.Apps.OrderBy(a => a.ClientId).Select(a => a.ClientId).ToListAsync(cancellationToken),
        await db.Set<EmulatorUser>().OrderBy(u => u.Upn).Select(u => u.Upn).ToListAsync(cancellationToken),
        await db.Apps.CountAsync(cancellationToken) + await db.Set<EmulatorUser>().CountAsync(cancellationToken)));
}

public sealed record ProbeCaller(bool IsDelegated, string Requestor);

public sealed record ProbeDevice(string RbacGroupId);

public sealed record ProbeTenantData(IReadOnlyList<string> Apps, IReadOnlyList<string> Users, int Count);
