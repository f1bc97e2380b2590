using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Hunting;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Emulator.Validation;

namespace DefenderApi.Emulator.Domains;

/// <summary><c>/api/domains</c>: related alerts, machines and statistics; an unknown valid domain is an empty answer.</summary>
internal static class DomainEndpoints
{
    /// <summary><see href="https://learn.microsoft.com/defender-endpoint/api/get-domain-related-machines">Get domain-related machines API</see>: results are capped at 500 devices.</summary>
    public const int MaxMachines = 500;

    /// <summary>Maps the domain resource.</summary>
    public static RouteGroupBuilder MapDomains(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/domains").WithTags("Domains").WithRateLimit(ApiRateLimit.Default("domains")).RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/{domain}/alerts", Alerts).WithSummary("Get domain-related alerts API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-domain-related-alerts").Lists<Alert>().RequirePermissions(AlertPermissions.WriteApp, AlertPermissions.WriteDelegated);
        group.MapGet("/{domain}/machines", Machines).WithSummary("Get domain-related machines API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-domain-related-machines").Lists<Machine>()
            .RequirePermissions(["Machine.Read.All", "Machine.ReadWrite.All"], ["Machine.Read", "Machine.ReadWrite"]);
        group.MapGet("/{domain}/stats", Stats).WithSummary("Get domain statistics API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-domain-statistics").Produces<DomainStats>().RequirePermissions(["URL.Read.All"], ["URL.Read.All"]);
        return group;
    }

    private static async Task<IResult> Alerts(string domain, HttpContext context, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var host = DomainNameValidator.Require(domain);
        return ODataResults.Collection(context.Request, "Alerts", await EvidenceQueries.AlertsAsync(db, await db.VisibleAlertsAsync(access, cancellationToken), e => e.Host == host, cancellationToken));
    }

    private static async Task<IResult> Machines(string domain, HttpContext context, EventSightings sightings, CancellationToken cancellationToken)
    {
        var host = DomainNameValidator.Require(domain);
        return ODataResults.Collection(context.Request, "Machines", await sightings.MachinesAsync(SightingKind.Domain, host, e => e.Host == host, MaxMachines, cancellationToken));
    }

    private static async Task<IResult> Stats(string domain, string? lookBackHours, HttpContext context, EventSightings sightings, TimeProvider time, CancellationToken cancellationToken)
    {
        var host = DomainNameValidator.Require(domain);
        var window = LookBack.Parse(lookBackHours);
        var seen = await sightings.PrevalenceAsync(SightingKind.Domain, host, e => e.Host == host, time.GetUtcNow() - window, cancellationToken);
        return new ODataEntityResult<DomainStats>(ODataLinks.Context(context.Request, DomainStats.Context), new DomainStats(host, seen.Machines, seen.FirstSeen, seen.LastSeen));
    }
}

/// <summary>Domain statistics (<see href="https://learn.microsoft.com/defender-endpoint/api/get-domain-statistics">Get domain statistics API</see>).</summary>
/// <param name="Host">The domain.</param>
/// <param name="OrganizationPrevalence">Devices that reached it in the window (0 when unknown).</param>
/// <param name="OrgFirstSeen">First seen.</param>
/// <param name="OrgLastSeen">Last seen.</param>
internal sealed record DomainStats(string Host, long OrganizationPrevalence, DateTimeOffset? OrgFirstSeen, DateTimeOffset? OrgLastSeen)
{
    /// <summary>The <c>@odata.context</c> fragment of the answer.</summary>
    public const string Context = "microsoft.windowsDefenderATP.api.InOrgDomainStats";
}
