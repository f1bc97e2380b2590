using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Emulator.Validation;

namespace DefenderApi.Emulator.Ips;

/// <summary><c>/api/ips</c>: related alerts and statistics; an unknown but valid IP is an empty answer (the file, IP, domain and user pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class IpEndpoints
{
    /// <summary>Maps the IP resource.</summary>
    public static RouteGroupBuilder MapIps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ips").WithTags("IPs").WithRateLimit(ApiRateLimit.Default("ips")).RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/{ip}/alerts", Alerts).WithSummary("Get IP related alerts API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-ip-related-alerts").Lists<Alert>().RequirePermissions(AlertPermissions.ReadApp, AlertPermissions.ReadDelegated);
        group.MapGet("/{ip}/stats", Stats).WithSummary("Get IP statistics API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-ip-statistics").Produces<IpStats>().RequirePermissions(["Ip.Read.All"], ["Ip.Read.All"]);
        return group;
    }

    private static async Task<IResult> Alerts(string ip, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        ip = RequireAddress(ip);
        return ODataResults.Collection(context.Request, "Alerts", await EvidenceQueries.AlertsAsync(db, await db.VisibleAlertsAsync(access, cancellationToken), e => e.IpAddress == ip, cancellationToken));
    }

    // <see href="https://learn.microsoft.com/defender-endpoint/api/get-ip-statistics">Get IP statistics API</see>: organizationPrevalence counts the distinct devices that opened a connection to the IP.
    private static async Task<IResult> Stats(string ip, string? lookBackHours, HttpContext context, EventSightings sightings, TimeProvider time, CancellationToken cancellationToken)
    {
        ip = RequireAddress(ip);
        var window = LookBack.Parse(lookBackHours);
        var seen = await sightings.PrevalenceAsync(SightingKind.Ip, ip, e => e.IpAddress == ip, time.GetUtcNow() - window, cancellationToken);
        return new ODataEntityResult<IpStats>(ODataLinks.Context(context.Request, IpStats.Context), new IpStats(ip, seen.Machines, seen.FirstSeen, seen.LastSeen));
    }

    // Routing leaves %2F encoded in a segment; "1.2.3.4%2F24" is reported as the CIDR text the caller meant.
    private static string RequireAddress(string segment)
    {
        var ip = Uri.UnescapeDataString(segment);
        IpAddressValidator.Require(ip);
        return ip;
    }
}

/// <summary>IP statistics (<see href="https://learn.microsoft.com/defender-endpoint/api/get-ip-statistics">Get IP statistics API</see>).</summary>
/// <param name="IpAddress">The address.</param>
/// <param name="OrganizationPrevalence">Devices that saw it in the window (0 when unknown).</param>
/// <param name="OrgFirstSeen">First seen.</param>
/// <param name="OrgLastSeen">Last seen.</param>
internal sealed record IpStats(string IpAddress, long OrganizationPrevalence, DateTimeOffset? OrgFirstSeen, DateTimeOffset? OrgLastSeen)
{
    /// <summary>The <c>@odata.context</c> fragment of the answer.</summary>
    public const string Context = "microsoft.windowsDefenderATP.api.InOrgIPStats";
}
