using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;
using static DefenderApi.Emulator.Vulnerabilities.TvmPermissions;

namespace DefenderApi.Emulator.Vulnerabilities;

/// <summary><c>/api/recommendations</c>: security recommendations and what they relate to (the vulnerability management pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class RecommendationEndpoints
{
    /// <summary>Maps the recommendation resource.</summary>
    public static RouteGroupBuilder MapRecommendations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recommendations").WithoutRateLimit("the vulnerability management pages document no rate limit (except a device's vulnerabilities)").WithTags("Recommendations").RequireFeature(TenantFeatures.VulnerabilityManagement).RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("", List).WithSummary("List all recommendations").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-all-recommendations").ListsOData(TvmPolicies.Recommendations).RequirePermissions(RecommendationApp, RecommendationDelegated);
        group.MapGet("/{id}", Get).WithSummary("Get recommendation by Id").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-recommendation-by-id").Produces<SecurityRecommendation>().RequirePermissions(RecommendationApp, RecommendationDelegated);
        // <see href="https://learn.microsoft.com/defender-endpoint/api/list-recommendation-software">List software by recommendation</see>: Software.Read.All for applications, SecurityRecommendation.Read for users.
        group.MapGet("/{id}/software", Software).WithSummary("List software by recommendation").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/list-recommendation-software").Produces<SoftwareProduct>().RequirePermissions(SoftwareApp, RecommendationDelegated);
        group.MapGet("/{id}/machineReferences", MachineReferences).WithSummary("List devices by recommendation").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-recommendation-machines").Lists<MachineReference>().RequirePermissions(RecommendationApp, RecommendationDelegated);
        group.MapGet("/{id}/vulnerabilities", Vulnerabilities).WithSummary("List vulnerabilities by recommendation").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-recommendation-vulnerabilities").Lists<Vulnerability>().RequirePermissions(VulnerabilityApp, VulnerabilityDelegated);
        return group;
    }

    private static Task<IResult> List(HttpContext context, EmulatorDbContext db, ODataCollectionQuery odata, CancellationToken cancellationToken) =>
        odata.ListAsync(context, db.Set<SecurityRecommendation>(), TvmPolicies.Recommendations, cancellationToken);

    private static async Task<IResult> Get(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken) =>
        ODataResults.Entity(context.Request, TvmPolicies.Recommendations.EntitySet, await FindAsync(db, id, cancellationToken));

    // The page answers one software object; a configuration recommendation has no software (404).
    private static async Task<IResult> Software(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var recommendation = await FindAsync(db, id, cancellationToken);
        var software = recommendation.SoftwareId ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Software of recommendation", id));
        return ODataResults.Entity(context.Request, TvmPolicies.Software.EntitySet, await SoftwareEndpoints.FindAsync(db, software, cancellationToken));
    }

    private static async Task<IResult> MachineReferences(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var recommendation = await FindAsync(db, id, cancellationToken);
        return ODataResults.Collection(context.Request, "MachineReferences",
            await TvmInventory.ReferencesAsync(db, RelatedKind.Recommendations, recommendation.Id, cancellationToken));
    }

    private static async Task<IResult> Vulnerabilities(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var recommendation = await FindAsync(db, id, cancellationToken);
        return ODataResults.Collection(context.Request, "Vulnerabilities", await TvmInventory.VulnerabilitiesOfAsync(db, recommendation.SoftwareId, cancellationToken));
    }

    private static async Task<SecurityRecommendation> FindAsync(EmulatorDbContext db, string id, CancellationToken cancellationToken) =>
        await db.Set<SecurityRecommendation>().FirstOrNotFoundAsync(r => r.Id == id, "Recommendation", id, cancellationToken);
}
