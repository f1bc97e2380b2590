using System.Text.Json;
using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Machines.Related;

/// <summary>A machine's logon users, software, vulnerabilities, recommendations and missing KBs (the machine pages listed on <see href="https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list">Supported Microsoft Defender for Endpoint APIs</see>).</summary>
internal static class RelatedItemEndpoints
{
    /// <summary>Maps the sub-collections on the machines group.</summary>
    /// <param name="machines">The <c>/api/machines</c> group.</param>
    public static void MapMachineRelatedItems(this RouteGroupBuilder machines)
    {
        ArgumentNullException.ThrowIfNull(machines);
        machines.MapGet("/{id}/logonusers", (string id, HttpContext c, EmulatorDbContext db, CallerAccess a, CancellationToken ct) => ListAsync(id, RelatedKind.LogonUsers, "Users", c, db, a, ct))
            .Lists<LogonUser>().WithSummary("Get machine logon users API").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machine-log-on-users").WithName("Machines_ListLogonUsers")
            .RequirePermissions(["User.Read.All"], ["User.Read.All"]);
        machines.MapGet("/{id}/software", (string id, HttpContext c, EmulatorDbContext db, CallerAccess a, CancellationToken ct) => ListAsync(id, RelatedKind.Software, "Software", c, db, a, ct))
            .Lists<InstalledSoftware>().WithSummary("Get installed software").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-installed-software").WithName("Machines_ListSoftware")
            .RequirePermissions(["Software.Read.All"], ["Software.Read"]);
        machines.MapGet("/{id}/vulnerabilities", (string id, HttpContext c, EmulatorDbContext db, CallerAccess a, CancellationToken ct) =>
                ListAsync(id, RelatedKind.Vulnerabilities, "Collection(Analytics.Contracts.PublicAPI.PublicVulnerabilityDto)", c, db, a, ct))
            .Lists<DiscoveredVulnerability>().WithSummary("Get discovered vulnerabilities").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-discovered-vulnerabilities").WithName("Machines_ListVulnerabilities")
            .RequirePermissions(["Vulnerability.Read.All"], ["Vulnerability.Read"])
            .WithRateLimit(new ApiRateLimit("machines.vulnerabilities", 50, 1500));
        machines.MapGet("/{id}/recommendations", (string id, HttpContext c, EmulatorDbContext db, CallerAccess a, CancellationToken ct) => ListAsync(id, RelatedKind.Recommendations, "Recommendations", c, db, a, ct))
            .Lists<MachineRecommendation>().WithSummary("Get security recommendations").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-security-recommendations").WithName("Machines_ListRecommendations")
            .RequirePermissions(["SecurityRecommendation.Read.All"], ["SecurityRecommendation.Read"]);
        machines.MapGet("/{id}/getmissingkbs", (string id, HttpContext c, EmulatorDbContext db, CallerAccess a, CancellationToken ct) =>
                ListAsync(id, RelatedKind.MissingKbs, "Collection(microsoft.windowsDefenderATP.api.PublicProductFixDto)", c, db, a, ct))
            .Lists<MissingKb>().WithSummary("Get missing KBs by device ID").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-missing-kbs-machine").WithName("Machines_ListMissingKbs")
            .RequirePermissions(["Software.Read.All"], []);
    }

    private static async Task<IResult> ListAsync(string id, RelatedKind kind, string context, HttpContext http, EmulatorDbContext db, CallerAccess access, CancellationToken cancellationToken)
    {
        var machine = await db.Machines().GetMachineAsync(id, access, cancellationToken);
        var rows = await db.Set<MachineRelatedItem>()
            .Where(r => r.MachineId == machine.Id && r.Kind == kind)
            .OrderBy(r => r.Id)
            .Select(r => r.Json)
            .ToListAsync(cancellationToken);
        var items = rows.Select(json => JsonSerializer.Deserialize<JsonElement>(json)).ToList();
        return ODataResults.Collection(http.Request, context, items);
    }
}
