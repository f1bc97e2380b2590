using System.Globalization;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// <c>/api/incidents</c> of the Defender XDR API: list, get, update ("Microsoft Defender XDR incidents API and the
/// incidents resource type", https://learn.microsoft.com/defender-xdr/api-incident). Each method has the quota its
/// own page states.
/// </summary>
internal static class IncidentEndpoints
{
    /// <summary>List and update: 50 calls a minute, 1,500 an hour.</summary>
    public static readonly ApiRateLimit ListLimit = new("incidents.list", 50, 1500);

    /// <summary>Get by id: 100 calls a minute, 1,500 an hour ("Get incident information API").</summary>
    public static readonly ApiRateLimit GetLimit = new("incidents.get", 100, 1500);

    /// <summary>Update: 50 calls a minute, 1,500 an hour.</summary>
    public static readonly ApiRateLimit UpdateLimit = new("incidents.update", 50, 1500);

    /// <summary>Maps the incident resource.</summary>
    public static RouteGroupBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Incidents");
        group.MapGet("", List).WithSummary("List incidents API in Microsoft Defender XDR").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-xdr/api-list-incidents").ListsOData<Incident, IncidentResource>(IncidentPolicies.List)
            .RequirePermissions(IncidentPermissions.ReadApp, IncidentPermissions.ReadDelegated)
            .RequirePortalRole(PortalRoles.ViewData)
            .WithRateLimit(ListLimit);
        group.MapGet("/{id}", Get).WithSummary("Get incident API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-xdr/api-get-incident").Produces<IncidentResource>()
            .RequirePermissions(IncidentPermissions.ReadApp, IncidentPermissions.ReadDelegated)
            .RequirePortalRole(PortalRoles.ViewData)
            .WithRateLimit(GetLimit);
        group.MapPatch("/{id}", Update).WithSummary("Update incident API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-xdr/api-update-incidents").Produces<IncidentResource>()
            .RequirePermissions(IncidentPermissions.WriteApp, IncidentPermissions.WriteDelegated)
            .RequirePortalRole(PortalRoles.AlertsInvestigation)
            .WithRateLimit(UpdateLimit);
        return group;
    }

    private static async Task<IResult> List(
        HttpContext context, EmulatorDbContext db, DatabaseLocation location, CallerAccess access, ODataCollectionQuery odata, ODataPageSizes pageSizes,
        CancellationToken cancellationToken)
    {
        var policy = IncidentPolicies.List;
        var query = odata.Parse(context, policy);
        var alerts = await db.VisibleAlertsAsync(access, cancellationToken);
        var rows = odata.Filter(await VisibleAsync(db, access, alerts, cancellationToken), query, policy);
        long? count = query.Count ? await rows.LongCountAsync(cancellationToken) : null;
        // The server page is 100 unless a setting makes it smaller ({"pageSizes":{"Incidents":20}}); next links skip rows
        // of the newest-created-first order, so an incident created during a walk can repeat a row, never hide one.
        var take = (int)Math.Min(query.Top ?? long.MaxValue, Math.Min(pageSizes.For(policy.EntitySet, policy.PageSize), policy.MaxTop));
        var page = await IncidentPageRows.ReadAsync(
            rows.OrderByDescending(i => i.CreatedTime).ThenByDescending(i => i.IncidentId).Skip((int)query.Skip).Take(take + 1), location);
        var hasMore = page.Count > take;
        if (hasMore)
        {
            page.RemoveAt(take);
        }

        var next = hasMore && (query.Top is null || query.Top > take) ? ODataLinks.NextPage(context.Request, query.Skip + take, query.Top - take) : null;
        var resources = await IncidentReader.ReadAsync(db, location, page, alerts);
        return new ODataCollectionResult<IncidentResource>(ODataLinks.Context(context.Request, policy.EntitySet), resources, count, next, query.Select);
    }

    private static async Task<IResult> Get(
        string id, HttpContext context, EmulatorDbContext db, DatabaseLocation location, CallerAccess access, CancellationToken cancellationToken)
    {
        var incidentId = ParseId(id);
        var alerts = await db.VisibleAlertsAsync(access, cancellationToken);
        var incident = await (await VisibleAsync(db, access, alerts, cancellationToken)).FirstOrNotFoundAsync(i => i.IncidentId == incidentId, "Incident", id, cancellationToken);
        var resource = (await IncidentReader.ReadAsync(db, location, [incident], alerts))[0];
        return ODataResults.Entity(context.Request, IncidentPolicies.EntitySet, resource);
    }

    private static async Task<IResult> Update(
        string id, JsonBody<UpdateIncidentRequest> body, HttpContext context, EmulatorDbContext db, DatabaseLocation location, CallerAccess access, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var incidentId = ParseId(id);
        var alerts = await db.VisibleAlertsAsync(access, cancellationToken);
        var incident = await (await VisibleAsync(db, access, alerts, cancellationToken)).AsTracking()
            .FirstOrNotFoundAsync(i => i.IncidentId == incidentId, "Incident", id, cancellationToken);
        var members = await db.Alerts().AsTracking().Where(a => a.IncidentId == incidentId).ToListAsync(cancellationToken);
        IncidentChangeRules.Apply(incident, members, body.Value, access.Requestor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var resource = (await IncidentReader.ReadAsync(db, location, [incident], alerts))[0];
        return ODataResults.Entity(context.Request, IncidentPolicies.EntitySet, resource);
    }

    // "List incidents API": a user sees the incidents with an alert on a device of their device groups.
    private static async Task<IQueryable<Incident>> VisibleAsync(EmulatorDbContext db, CallerAccess access, IQueryable<Alert> alerts, CancellationToken cancellationToken) =>
        (await access.GetDeviceGroupsAsync(cancellationToken)).All
            ? db.Set<Incident>()
            : db.Set<Incident>().Where(i => alerts.Any(a => a.IncidentId == i.IncidentId));

    // Incident ids are numbers; anything else is the error page's InvalidInput naming the value.
    private static long ParseId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{id}' for incident id; incident ids are numbers"));
}

/// <summary>The incident permissions the pages list.</summary>
internal static class IncidentPermissions
{
    public static readonly string[] ReadApp = ["Incident.Read.All", "Incident.ReadWrite.All"];
    public static readonly string[] ReadDelegated = ["Incident.Read", "Incident.ReadWrite"];
    public static readonly string[] WriteApp = ["Incident.ReadWrite.All"];
    public static readonly string[] WriteDelegated = ["Incident.ReadWrite"];
}

/// <summary>The OData rules of <c>GET /api/incidents</c> ("List incidents API in Microsoft Defender XDR").</summary>
internal static class IncidentPolicies
{
    public const string EntitySet = "Incidents";

    public static readonly ODataCollectionPolicy<Incident> List = new()
    {
        EntitySet = EntitySet,
        FilterProperties = ODataPolicy.Properties("lastUpdateTime", "createdTime", "status", "assignedTo"),
        OrderByProperties = ODataPolicy.Properties(),
        Functions = new HashSet<string>(StringComparer.Ordinal),
        AllowLambdas = false,
        MaxTop = 100,
        PageSize = 100,
        StableOrder = i => i.IncidentId.ToString(CultureInfo.InvariantCulture),
    };
}
