using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>Registers the machine actions feature.</summary>
internal static class MachineActionsServiceCollectionExtensions
{
    /// <summary>Adds machine actions: entity set, settings, lifecycle, creation service, download links, data loader.</summary>
    public static WebApplicationBuilder AddMachineActions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddODataEntitySet<MachineAction>(MachineActionPolicies.EntitySet);
        services.AddSingleton<MachineActionSettingsStore>();
        services.AddSingleton<MachineActionLifecycle>();
        services.AddSingleton<MachineActionService>();
        services.AddSingleton<DownloadLinks>();
        services.AddDataCollectionLoader<MachineActionLoader>();
        return builder;
    }

    /// <summary>Maps <c>/api/machineactions</c> and the action calls under <c>/api/machines/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapMachineActionsFeature(this IEndpointRouteBuilder app)
    {
        app.MapMachineActions();
        app.MapMachineActionCommands();
        return app;
    }
}
