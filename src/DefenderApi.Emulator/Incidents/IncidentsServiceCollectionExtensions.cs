using DefenderApi.Emulator.OData;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DefenderApi.Emulator.Incidents;

/// <summary>Registers the incidents feature.</summary>
internal static class IncidentsServiceCollectionExtensions
{
    /// <summary>Adds incidents to the EDM model (for <c>$filter</c>) and the services that keep them in step with alerts.</summary>
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddODataEntitySet<Incident>(IncidentPolicies.EntitySet);
        builder.Services.AddSingleton<IncidentIds>();
        builder.Services.AddSingleton<IncidentSync>();
        builder.Services.AddSingleton<ISaveChangesInterceptor, IncidentAssignmentInterceptor>();
        return builder;
    }
}
