using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Investigations;

/// <summary><c>/api/investigations</c> and <c>POST /api/machines/{id}/startInvestigation</c> (the investigation pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class InvestigationEndpoints
{
    /// <summary>Registers the investigation services and entity set.</summary>
    public static WebApplicationBuilder AddInvestigations(this WebApplicationBuilder builder)
    {
        builder.Services.AddODataEntitySet<Investigation>(InvestigationPolicies.EntitySet);
        builder.Services.AddScoped<InvestigationService>();
        builder.Services.AddScoped<IAlertCreatedHandler>(services => services.GetRequiredService<InvestigationService>());
        builder.Services.AddSingleton<ITenantSeeder, InvestigationDemoSeeder>();
        builder.Services.AddSingleton<IDataCollectionLoader>(new EntityDataLoader<Investigation>("investigations", i => i.Id, (investigation, _) =>
            string.IsNullOrWhiteSpace(investigation.MachineId) ? "machineId is missing" : null));
        return builder;
    }

    /// <summary>Maps the investigation resource and the start call.</summary>
    public static RouteGroupBuilder MapInvestigations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/investigations").WithTags("Investigations")
            .RequirePermissions(AlertPermissions.ReadApp, AlertPermissions.ReadDelegated)
            .RequirePortalRole(PortalRoles.ViewData)
            .WithRateLimit(ApiRateLimit.Default("investigations"));
        group.MapGet("", List).WithSummary("List Investigations API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-investigation-collection").ListsOData(InvestigationPolicies.List);
        group.MapGet("/{id}", Get).WithSummary("Get Investigation object API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-investigation-object").Produces<Investigation>();
        app.MapPost("/api/machines/{id}/startInvestigation", Start).WithSummary("Start Investigation API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/initiate-autoir-investigation").Produces<Investigation>(StatusCodes.Status201Created).WithTags("Investigations")
            .RequirePermissions(AlertPermissions.WriteApp, AlertPermissions.WriteDelegated)
            .RequirePortalRole(PortalRoles.ActiveRemediationActions)
            .RequireFeature(TenantFeatures.AutomatedInvestigation)
            .WithRateLimit(new ApiRateLimit("investigations.start", null, 50));
        return group;
    }

    private static Task<IResult> List(HttpContext context, EmulatorDbContext db, ODataCollectionQuery odata, CancellationToken cancellationToken) =>
        odata.ListAsync(context, db.Set<Investigation>(), InvestigationPolicies.List, cancellationToken);

    // <see href="https://learn.microsoft.com/defender-endpoint/api/get-investigation-object">Get Investigation object API</see>: the id is the investigation id or the id of the alert that triggered it.
    private static async Task<IResult> Get(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var investigation = await db.Set<Investigation>().FirstOrNotFoundAsync(i => i.Id == id || i.TriggeringAlertId == id, "Investigation", id, cancellationToken);
        return ODataResults.Entity(context.Request, InvestigationPolicies.EntitySet, investigation);
    }

    private static async Task<IResult> Start(
        string id, JsonBody<StartInvestigationRequest> body, HttpContext context, InvestigationService investigations, CancellationToken cancellationToken) =>
        ODataResults.Entity(context.Request, InvestigationPolicies.EntitySet,
            await investigations.StartAsync(id, body.Value.Comment, cancellationToken), StatusCodes.Status201Created);
}

/// <summary>The body of startInvestigation.</summary>
internal sealed record StartInvestigationRequest
{
    /// <summary>Comment. Required.</summary>
    public required string Comment { get; init; }
}

/// <summary>The OData rules of <c>GET /api/investigations</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/get-investigation-collection">List Investigations API</see>).</summary>
internal static class InvestigationPolicies
{
    public const string EntitySet = "Investigations";

    public static readonly ODataCollectionPolicy<Investigation> List = new()
    {
        EntitySet = EntitySet,
        FilterProperties = ODataPolicy.Properties("startTime", "id", "state", "machineId", "triggeringAlertId"),
        StableOrder = i => i.Id,
    };
}
