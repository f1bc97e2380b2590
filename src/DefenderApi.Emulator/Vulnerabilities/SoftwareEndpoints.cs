using System.Text.Json;
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

/// <summary><c>/api/Software</c>: inventory, versions, devices, vulnerabilities and missing KBs (the vulnerability management pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class SoftwareEndpoints
{
    /// <summary>Maps the software resource.</summary>
    public static RouteGroupBuilder MapSoftware(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/Software").WithoutRateLimit("the vulnerability management pages document no rate limit (except a device's vulnerabilities)").WithTags("Software").RequireFeature(TenantFeatures.VulnerabilityManagement).RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("", List).WithSummary("List software").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-software").ListsOData(TvmPolicies.Software).RequirePermissions(SoftwareApp, SoftwareDelegated);
        group.MapGet("/{id}", Get).WithSummary("Get software by ID").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-software-by-id").Produces<SoftwareProduct>().RequirePermissions(SoftwareApp, SoftwareDelegated);
        group.MapGet("/{id}/distributions", Distributions).WithSummary("List software version distribution").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-software-ver-distribution").Lists<VersionDistribution>().RequirePermissions(SoftwareApp, SoftwareDelegated);
        group.MapGet("/{id}/machineReferences", MachineReferences).WithSummary("List devices by software").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machines-by-software").Lists<MachineReference>().RequirePermissions(SoftwareApp, SoftwareDelegated);
        group.MapGet("/{id}/vulnerabilities", Vulnerabilities).WithSummary("List vulnerabilities by software").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-vuln-by-software").Lists<Vulnerability>().RequirePermissions(VulnerabilityApp, VulnerabilityDelegated);
        group.MapGet("/{id}/getmissingkbs", MissingKbs).WithSummary("Get missing KBs by software ID").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-missing-kbs-software").Lists<MissingKb>().RequirePermissions(SoftwareApp, SoftwareDelegated);
        return group;
    }

    /// <summary>Finds a product; unknown ids are 404 <c>ResourceNotFound</c> (the page documents no not-found answer).</summary>
    /// <param name="id">The product id.</param>
    /// <returns>The product.</returns>
    public static async Task<SoftwareProduct> FindAsync(EmulatorDbContext db, string id, CancellationToken cancellationToken) =>
        await db.Set<SoftwareProduct>().FirstOrNotFoundAsync(s => s.Id == id, "Software", id, cancellationToken);

    private static Task<IResult> List(HttpContext context, EmulatorDbContext db, ODataCollectionQuery odata, CancellationToken cancellationToken) =>
        odata.ListAsync(context, db.Set<SoftwareProduct>(), TvmPolicies.Software, cancellationToken);

    private static async Task<IResult> Get(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken) =>
        ODataResults.Entity(context.Request, TvmPolicies.Software.EntitySet, await FindAsync(db, id, cancellationToken));

    private static async Task<IResult> Distributions(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var product = await FindAsync(db, id, cancellationToken);
        var machines = await TvmInventory.MachinesWith(db, RelatedKind.Software, product.Id).ToListAsync(cancellationToken);
        var rows = machines.GroupBy(m => SoftwareVersions.Of(m, product.Id)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new VersionDistribution(g.Key, g.Count(), SoftwareVersions.VulnerabilitiesOf(product.Id, g.Key, product.Weaknesses))).ToList();
        return ODataResults.Collection(context.Request, "Distributions", rows);
    }

    private static async Task<IResult> MachineReferences(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var product = await FindAsync(db, id, cancellationToken);
        return ODataResults.Collection(context.Request, "MachineReferences", await TvmInventory.ReferencesAsync(db, RelatedKind.Software, product.Id, cancellationToken));
    }

    private static async Task<IResult> Vulnerabilities(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var product = await FindAsync(db, id, cancellationToken);
        return ODataResults.Collection(context.Request, "Vulnerabilities", await TvmInventory.VulnerabilitiesOfAsync(db, product.Id, cancellationToken));
    }

    private static async Task<IResult> MissingKbs(string id, HttpContext context, EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var product = await FindAsync(db, id, cancellationToken);
        var kbs = await TvmInventory.ItemsAsync<JsonElement>(db, RelatedKind.MissingKbs, cancellationToken);
        var fixes = kbs.GroupBy(k => k.Item.GetProperty("id").GetString())
            .Where(g => g.First().Item.TryGetProperty("productsNames", out var names) && names.EnumerateArray().Any(n => n.GetString() == product.Name))
            .Select(g => g.First().Item).ToList();
        return ODataResults.Collection(context.Request, "ProductFixes", fixes);
    }
}
