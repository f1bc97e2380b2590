using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Hunting;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Hunting;

/// <summary>Registers advanced hunting: the query service (compiler, executor, CPU quota), the tenant seeder, one admin data loader per hunting table and the link of alerts created by reference to hunting events.</summary>
internal static class HuntingServiceCollectionExtensions
{
    /// <summary>Adds advanced hunting.</summary>
    public static WebApplicationBuilder AddHunting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HuntingOptions>()
            .BindConfiguration(HuntingOptions.Section)
            .Validate(o => o.Validate().Count == 0, "Invalid Emulator:Hunting settings.")
            .ValidateOnStart();
        services.AddSingleton(sp => new HuntingService(
            sp.GetRequiredService<TimeProvider>(),
            HuntingLimits.Documented with { CpuChargeMultiplier = sp.GetRequiredService<IOptions<HuntingOptions>>().Value.CpuChargeMultiplier }));
        services.AddSingleton<HuntingTables>();
        services.AddSingleton<ITenantSeeder, HuntingSeeder>();
        HuntingTableLoader.AddAll(services);
        services.AddScoped<HuntingAlertLink>();
        services.AddScoped<EventSightings>();
        services.AddScoped<HuntingAlertSync>();
        services.AddScoped<Admin.Data.IDataLoadObserver>(sp => sp.GetRequiredService<HuntingAlertSync>());
        services.AddScoped<IAlertEventSource>(sp => sp.GetRequiredService<HuntingAlertLink>());
        services.AddScoped<IAlertCreatedHandler>(sp => sp.GetRequiredService<HuntingAlertLink>());
        return builder;
    }
}
