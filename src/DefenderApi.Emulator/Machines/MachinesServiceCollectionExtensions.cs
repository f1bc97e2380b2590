using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Machines.Demo;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Machines.State;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.Machines;

/// <summary>Registers the machines feature.</summary>
internal static class MachinesServiceCollectionExtensions
{
    /// <summary>Adds machines to the EDM model, their data loaders and the demo seeder.</summary>
    public static WebApplicationBuilder AddMachines(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddODataEntitySet<Machine>(MachinePolicies.EntitySet);
        services.AddDataCollectionLoader<MachineLoader>();
        services.AddDataCollectionLoader<LogonUserLoader>();
        services.AddDataCollectionLoader<MachineSoftwareLoader>();
        services.AddDataCollectionLoader<MachineVulnerabilityLoader>();
        services.AddDataCollectionLoader<MachineRecommendationLoader>();
        services.AddDataCollectionLoader<MissingKbLoader>();
        services.AddSingleton<ITenantSeeder, MachineDemoSeeder>();
        services.AddSingleton<ITenantSeeder, MachineStateSeeder>();
        services.AddScoped<MachineStateService>();
        services.AddScoped<IAlertCreatedHandler, MachineStateAlertHandler>();
        return builder;
    }
}
