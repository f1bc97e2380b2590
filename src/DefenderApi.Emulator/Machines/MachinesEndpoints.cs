using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OData.Rows;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Machines;

/// <summary><c>/api/machines</c>: list, get, update, tags, find (<see href="https://learn.microsoft.com/defender-endpoint/api/get-machines">List machines API</see> and the pages of the machine pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class MachinesEndpoints
{
    internal static readonly string[] ReadApp = ["Machine.Read.All", "Machine.ReadWrite.All"];
    internal static readonly string[] ReadDelegated = ["Machine.Read", "Machine.ReadWrite"];
    internal static readonly string[] WriteApp = ["Machine.ReadWrite.All"];
    internal static readonly string[] WriteDelegated = ["Machine.ReadWrite"];

    /// <summary>Maps the machine resource.</summary>
    public static RouteGroupBuilder MapMachines(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/machines").WithTags("Machines").WithRateLimit(ApiRateLimit.Default("machines"));
        group.MapGet("", List).WithSummary("List machines API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machines").ListsOData(MachinePolicies.List).RequirePermissions(ReadApp, ReadDelegated).RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/{id}", Get).WithSummary("Get machine by ID API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machine-by-id").Produces<Machine>().RequirePermissions(ReadApp, ReadDelegated).RequirePortalRole(PortalRoles.ViewData);
        group.MapMachineUpdates();
        group.MapMachineFinders();
        group.MapMachineRelatedItems();
        return group;
    }

    // <see href="https://learn.microsoft.com/defender-endpoint/api/get-machines">List machines API</see>: "If no recent machines are found - 404 Not Found" (an empty tenant, not an empty filter).
    // Asked only when the page is empty, so a normal list costs one query.
    private static async Task<IResult> List(HttpContext context, EmulatorDbContext db, ODataCollectionQuery odata, CallerAccess access, CancellationToken cancellationToken) =>
        await odata.ListAsync(context, await db.Machines().VisibleToAsync(access, cancellationToken), MachinePolicies.List, cancellationToken,
            whenEmpty: async ct => await db.Machines().AnyAsync(ct) ? null : DefenderErrors.NotFound("No recent machines were found.").ToResult());

    // Two keyed statements, not "Id = @x OR ComputerDnsName = @x" (see MachineLookup.GetMachineAsync).
    private static readonly RowQuery<Machine> ById = new(static (db, id) => db.Machines().Where(m => m.Id == id));
    private static readonly RowQuery<Machine> ByName = new(static (db, name) => db.Machines().Where(m => m.ComputerDnsName == name));

    // The machine's row is written as it is stored (no entity materialized); an unknown id or name is answered
    // without an exception, the commonest error a poller sees.
    private static async Task<IResult> Get(string id, HttpContext context, EmulatorDbContext db, CallerAccess access, ODataEntityRows rows, CancellationToken cancellationToken)
    {
        var machine = await rows.FindAsync(context, ById, id) ?? await rows.FindAsync(context, ByName, id);
        if (machine is null)
        {
            return DefenderErrors.ResourceNotFound("Machine", id).ToResult();
        }

        await access.DemandDeviceGroupAsync(machine.Int64("rbacGroupId")?.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return machine.WithContext(ODataLinks.Context(context.Request, $"{MachinePolicies.EntitySet}/$entity"));
    }
}
