using DefenderApi.Emulator.Clock;
using DefenderApi.Emulator.Dashboard;
using DefenderApi.Emulator.Faults;
using DefenderApi.Emulator.Throttling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DefenderApi.Emulator.Admin;

/// <summary>The admin controls beyond health and info: reset, snapshots, settings, faults, clock and the API reference.</summary>
internal static class AdminControls
{
    /// <summary>Adds the store gate, reset, snapshots, rate-limit settings and the OpenAPI document (machine-action settings come from the machine actions feature).</summary>
    public static WebApplicationBuilder AddAdminControls(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<StoreGate>();
        services.TryAddSingleton<StoreReset>();
        services.TryAddSingleton<SnapshotStore>();
        services.AddApiReference();
        return builder;
    }

    /// <summary>Holds every request outside the admin API in a read lease of the store gate.</summary>
    public static IApplicationBuilder UseStoreGate(this IApplicationBuilder app) => app.UseMiddleware<StoreGateMiddleware>();

    /// <summary>Maps the controls on the admin group.</summary>
    public static RouteGroupBuilder MapAdminControls(this RouteGroupBuilder admin)
    {
        admin.MapStore();
        admin.MapSettings();
        admin.MapFaults();
        admin.MapClock();
        admin.MapRateLimits();
        admin.MapDashboard();
        admin.MapApiReference();
        return admin;
    }
}
