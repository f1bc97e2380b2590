using DefenderApi.Emulator.Alerts.Demo;
using DefenderApi.Emulator.OData;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Alerts;

/// <summary>Registers the alerts feature.</summary>
internal static class AlertsServiceCollectionExtensions
{
    /// <summary>Adds alerts (with evidence as an expandable navigation) to the EDM model, and the alert services.</summary>
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.Section)
            .Validate(o => o.MaxBatchUpdate > 0, "Emulator:Alerts:MaxBatchUpdate must be positive.")
            .ValidateOnStart();
        // Evidence has no identity of its own in the API; the EDM needs a key to make it a navigation ($expand).
        builder.Services.AddSingleton(new ODataEntitySetRegistration(AlertPolicies.EntitySet, model =>
        {
            model.EntityType<AlertEvidence>().HasKey(e => e.EntityType);
            model.EntitySet<Alert>(AlertPolicies.EntitySet);
        }));
        builder.Services.AddODataQueries();
        builder.Services.AddScoped<AlertReferenceService>();
        builder.Services.AddSingleton<ITenantSeeder, AlertDemoSeeder>();
        builder.Services.AddAlertDataLoaders();
        return builder;
    }
}
