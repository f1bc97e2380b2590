using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Machines;

/// <summary>Find machines by internal IP around a time, and by tag.</summary>
internal static class MachineFindEndpoints
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Maps the find calls on the machines group.</summary>
    /// <param name="machines">The <c>/api/machines</c> group.</param>
    public static void MapMachineFinders(this RouteGroupBuilder machines)
    {
        ArgumentNullException.ThrowIfNull(machines);
        machines.MapGet("/findbyip({arguments})", FindByIp).WithSummary("Find devices by internal IP API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/find-machines-by-ip").Lists<Machine>()
            .WithMetadata(new ODataFunctionPath("/api/machines/findbyip(ip='{ip}',timestamp={timestamp})", [new("ip", "The internal IP address."), new("timestamp", "The time of the sighting (UTC, ISO 8601); devices seen 15 minutes either side are found.")]))
            .RequirePermissions(MachinesEndpoints.ReadApp, MachinesEndpoints.ReadDelegated).RequirePortalRole(PortalRoles.ViewData);
        // <see href="https://learn.microsoft.com/defender-endpoint/api/find-machine-info-by-ip">Find device information by internal IP API</see> lists no delegated permission and a ±16 minute window.
        machines.MapGet("/find({arguments})", Find).WithSummary("Find device information by internal IP API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/find-machine-info-by-ip").Lists<Machine>()
            .WithMetadata(new ODataFunctionPath("/api/machines/find(timestamp={timestamp},key={key})", [new("timestamp", "The time of the sighting (UTC, ISO 8601); devices seen 16 minutes either side are found."), new("key", "The internal IP address.")]))
            .RequirePermissions(MachinesEndpoints.ReadApp, []);
        machines.MapGet("/findbytag", FindByTag).WithSummary("Find devices by tag API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/find-machines-by-tag").Lists<Machine>().RequirePermissions(MachinesEndpoints.ReadApp, MachinesEndpoints.ReadDelegated).RequirePortalRole(PortalRoles.ViewData);
    }

    private static async Task<IResult> FindByIp(string arguments, HttpContext context, EmulatorDbContext db, TimeProvider time, CallerAccess access, CancellationToken cancellationToken)
    {
        var (ip, timestamp) = IpAndTimestamp(arguments, "ip", time);
        var found = await SeenWithIp(await db.Machines().VisibleToAsync(access, cancellationToken), ip, timestamp, TimeSpan.FromMinutes(15)).ToListAsync(cancellationToken);
        return ODataResults.Collection(context.Request, MachinePolicies.EntitySet, found);
    }

    private static async Task<IResult> Find(string arguments, HttpContext context, EmulatorDbContext db, TimeProvider time, CallerAccess access, CancellationToken cancellationToken)
    {
        var (ip, timestamp) = IpAndTimestamp(arguments, "key", time);
        var found = await SeenWithIp(await db.Machines().VisibleToAsync(access, cancellationToken), ip, timestamp, TimeSpan.FromMinutes(16)).ToListAsync(cancellationToken);
        return found.Count == 0
            ? DefenderErrors.NotFound($"No machine was seen with IP {ip} around {OData.UtcInstant.Format(timestamp)}.").ToResult()
            : ODataResults.Collection(context.Request, MachinePolicies.EntitySet, found);
    }

    private static async Task<IResult> FindByTag(string? tag, string? useStartsWithFilter, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return DefenderErrors.MissingParameter("tag").ToResult();
        }

        var startsWith = useStartsWithFilter switch
        {
            null or "" => false,
            _ when bool.TryParse(useStartsWithFilter, out var parsed) => parsed,
            _ => throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{useStartsWithFilter}' for useStartsWithFilter; expected true or false")),
        };
        var visible = await db.Machines().VisibleToAsync(access, cancellationToken);
        var query = startsWith
            ? visible.Where(m => m.MachineTags.Any(t => t.StartsWith(tag)))
            : visible.Where(m => m.MachineTags.Contains(tag));
        return ODataResults.Collection(context.Request, MachinePolicies.EntitySet, await query.OrderBy(m => m.Id).ToListAsync(cancellationToken));
    }

    private static (string Ip, DateTimeOffset Timestamp) IpAndTimestamp(string arguments, string ipKey, TimeProvider time)
    {
        var values = FunctionArguments.Parse(arguments);
        var ip = FunctionArguments.Ip(values, ipKey);
        var timestamp = FunctionArguments.Timestamp(values, "timestamp");
        return timestamp < time.GetUtcNow() - Retention
            ? throw new DefenderErrorException(DefenderErrors.BadRequest($"The timestamp {OData.UtcInstant.Format(timestamp)} isn't in the past 30 days."))
            : (ip, timestamp);
    }

    // We keep no IP history: a machine counts as seen with an IP at a time when the IP is one of its addresses and
    // its reporting span (firstSeen..lastSeen) overlaps the window.
    private static IQueryable<Machine> SeenWithIp(IQueryable<Machine> machines, string ip, DateTimeOffset timestamp, TimeSpan window)
    {
        var from = timestamp - window;
        var to = timestamp + window;
        return machines
            .Where(m => m.LastIpAddress == ip || m.IpAddresses.Any(a => a.Address == ip))
            .Where(m => m.FirstSeen <= to && m.LastSeen >= from)
            .OrderBy(m => m.Id);
    }
}
