using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.OpenApi;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using Microsoft.EntityFrameworkCore;
using static DefenderApi.Emulator.Vulnerabilities.TvmPermissions;

namespace DefenderApi.Emulator.Vulnerabilities;

/// <summary>
/// <c>/api/exposureScore</c>, <c>/api/exposureScore/ByMachineGroups</c> and <c>/api/configurationScore</c>
/// (<see href="https://learn.microsoft.com/defender-endpoint/api/score">Score methods and properties</see>), computed from the devices' vulnerabilities and recommendations.
/// </summary>
internal static class ScoreEndpoints
{
    /// <summary>Maps the score calls.</summary>
    public static RouteGroupBuilder MapScores(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithoutRateLimit("the vulnerability management pages document no rate limit (except a device's vulnerabilities)").WithTags("Scores")
            .RequireFeature(TenantFeatures.VulnerabilityManagement)
            .RequirePermissions(ScoreApp, ScoreDelegated)
            .RequirePortalRole(PortalRoles.ViewData);
        group.MapGet("/exposureScore", Exposure).WithSummary("Get exposure score").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-exposure-score").Produces<ScoreView>();
        group.MapGet("/exposureScore/ByMachineGroups", ExposureByGroup).WithSummary("List exposure score by device group").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-machine-group-exposure-score").Lists<ScoreView>();
        group.MapGet("/configurationScore", Configuration).WithSummary("Get the device secure score").WithDescription("Microsoft Learn: https://learn.microsoft.com/defender-endpoint/api/get-device-secure-score").Produces<ScoreView>();
        return group;
    }

    private static async Task<IResult> Exposure(HttpContext context, EmulatorDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (machines, weights) = await LoadAsync(db, cancellationToken);
        return ODataResults.Entity(context.Request, "ExposureScore", new ScoreView(time.GetUtcNow(), ExposureOf(machines, weights), null));
    }

    private static async Task<IResult> ExposureByGroup(HttpContext context, EmulatorDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (machines, weights) = await LoadAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var scores = machines.GroupBy(m => m.RbacGroupName ?? "UnassignedGroup").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScoreView(now, ExposureOf([.. g], weights), g.Key)).ToList();
        return ODataResults.Collection(context.Request, "ExposureScore", scores);
    }

    // Device secure score: points (0–1000) for the share of devices without an active configuration recommendation.
    private static async Task<IResult> Configuration(HttpContext context, EmulatorDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var total = await db.Machines().CountAsync(cancellationToken);
        var active = await db.Set<SecurityRecommendation>().Where(r => r.RemediationType == "ConfigurationChange" && r.Status == "Active")
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var misconfigured = await db.Set<MachineRelatedItem>().Where(i => i.Kind == RelatedKind.Recommendations && active.Contains(i.Id))
            .Select(i => i.MachineId).Distinct().CountAsync(cancellationToken);
        var score = total == 0 ? 0 : Math.Round(1000.0 * (total - misconfigured) / total);
        return ODataResults.Entity(context.Request, "ConfigurationScore", new ScoreView(time.GetUtcNow(), score, null));
    }

    private static async Task<(List<Machine> Machines, Dictionary<string, double> Weights)> LoadAsync(EmulatorDbContext db, CancellationToken cancellationToken)
    {
        var machines = await db.Machines().ToListAsync(cancellationToken);
        var rows = await db.Set<MachineVulnerability>().Select(v => new { v.MachineId, v.Severity }).ToListAsync(cancellationToken);
        var weights = rows.GroupBy(r => r.MachineId).ToDictionary(g => g.Key, g => g.Max(r => Weight(r.Severity)));
        return (machines, weights);
    }

    // Exposure (0–100): the average over devices of their worst vulnerability's weight.
    private static double ExposureOf(IReadOnlyCollection<Machine> machines, Dictionary<string, double> weights) =>
        machines.Count == 0 ? 0 : 100.0 * machines.Sum(m => weights.GetValueOrDefault(m.Id)) / machines.Count;

    private static double Weight(VulnerabilitySeverity severity) => severity switch
    {
        VulnerabilitySeverity.Critical => 1.0,
        VulnerabilitySeverity.High => 0.7,
        VulnerabilitySeverity.Medium => 0.4,
        _ => 0.1,
    };
}

/// <summary>A score (<see href="https://learn.microsoft.com/defender-endpoint/api/score">Score methods and properties</see>).</summary>
/// <param name="Time">When it was calculated.</param>
/// <param name="Value">The score.</param>
/// <param name="RbacGroupName">The device group, for per-group scores.</param>
internal sealed record ScoreView(
    DateTimeOffset Time,
    [property: System.Text.Json.Serialization.JsonPropertyName("score")] double Value,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? RbacGroupName);
