using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.Machines;

/// <summary>Registers the machines feature.</summary>
public static class MachinesServiceCollectionExtensions
{
    /// <summary>Adds machines to the EDM model.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddMachines(this WebApplicationBuilder builder)
    {
        builder.Services.AddODataEntitySet<Machine>(MachinePolicies.EntitySet);
        return builder;
    }
}
