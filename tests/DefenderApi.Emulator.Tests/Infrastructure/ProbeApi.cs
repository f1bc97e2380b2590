using DefenderApi.Emulator.Auth;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Throttling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>
/// Test-only API endpoints, routed like real ones (permissions, documented rate limits), so throttling, faults and
/// the store gate can be proven while the real endpoints are written elsewhere. Never shipped in the emulator.
/// </summary>
public sealed class ProbeApi : IStartupFilter
{
    /// <summary>100/min + 1,500/h, like most documented endpoints.</summary>
    public const string LimitedPath = "/api/_probe/limited";

    /// <summary>Another API (2/min + 3/h), counted separately.</summary>
    public const string TightPath = "/api/_probe/tight";

    /// <summary>Counts the caller tenant's registered apps (a read of tenant-owned rows).</summary>
    public const string AppsPath = "/api/_probe/apps";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);

        // The application's own endpoint route builder: endpoints added here are matched by its routing like real ones.
        var routes = (IEndpointRouteBuilder)app.Properties["__EndpointRouteBuilder"]!;
        var probe = routes.MapGroup("/api/_probe").RequirePermissions(["Machine.Read.All"], ["Machine.Read"]);
        probe.MapGet("/limited", () => "ok").WithRateLimit(ApiRateLimit.Default("probe.limited"));
        probe.MapGet("/tight", () => "ok").WithRateLimit(new ApiRateLimit("probe.tight", 2, 3));
        probe.MapGet("/apps", async (EmulatorDbContext db) =>
        {
            // Two reads in one request: a reset between them would show as different numbers.
            var first = await db.Apps.CountAsync();
            await Task.Yield();
            var second = await db.Apps.CountAsync();
            return $"{first}/{second}";
        });
    };
}

/// <summary>Seeds 50 extra apps into every tenant, so a half-done reset is visible as a count between 0 and 50.</summary>
internal sealed class ProbeAppsSeeder : ITenantSeeder
{
    public const int Apps = 50;

    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Apps; i++)
        {
            db.Apps.Add(new AppRegistration { TenantId = tenantId, ClientId = $"seeded-{i}", ClientSecret = "s", Roles = ["Machine.Read.All"] });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
