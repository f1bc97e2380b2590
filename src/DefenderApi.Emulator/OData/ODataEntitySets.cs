using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace DefenderApi.Emulator.OData;

/// <summary>One entity set of the emulator's EDM model, registered by a feature.</summary>
/// <param name="Name">The entity set name, e.g. <c>Machines</c>.</param>
/// <param name="Add">Adds the set to the model builder.</param>
internal sealed record ODataEntitySetRegistration(string Name, Action<ODataConventionModelBuilder> Add);

/// <summary>
/// The EDM model of every documented entity, built once from the features' registrations. Property names are the
/// JSON (lower camel case) names; members marked <see cref="JsonIgnoreAttribute"/> (such as the tenant id) stay out.
/// </summary>
internal sealed class EmulatorEdmModel(IEnumerable<ODataEntitySetRegistration> registrations)
{
    private readonly Lazy<IEdmModel> _model = new(() => Build(registrations));

    /// <summary>The model.</summary>
    public IEdmModel Model => _model.Value;

    /// <summary>The registered entity set spelled like <paramref name="name"/> (compared case-insensitively), if any.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The entity set's own spelling, or <see langword="null"/>.</returns>
    public string? FindEntitySetName(string name) =>
        Model.EntityContainer.EntitySets().FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>Finds an entity set of the model.</summary>
    /// <param name="name">The entity set name.</param>
    /// <returns>The entity set.</returns>
    public IEdmEntitySet EntitySet(string name) =>
        Model.EntityContainer.FindEntitySet(name) ?? throw new InvalidOperationException($"Entity set '{name}' is not registered; call AddODataEntitySet.");

    private static IEdmModel Build(IEnumerable<ODataEntitySetRegistration> registrations)
    {
        var builder = new ODataConventionModelBuilder { Namespace = "microsoft.windowsDefenderATP.api", ContainerName = "DefaultContainer" };
        foreach (var registration in registrations)
        {
            registration.Add(builder);
        }

        foreach (var type in builder.StructuralTypes.ToList())
        {
            foreach (var property in type.ClrType.GetProperties().Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not null))
            {
                type.RemoveProperty(property);
            }
        }

        // The JSON names: [JsonPropertyName] where given, else lower camel case (as the serializer writes them).
        // Applied after the builder's conventions, which would otherwise reset the names.
        builder.OnModelCreating += model =>
        {
            foreach (var property in model.StructuralTypes.SelectMany(t => t.Properties))
            {
                property.Name = property.PropertyInfo.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                    ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.PropertyInfo.Name);
            }
        };

        return builder.GetEdmModel();
    }
}

/// <summary>Registers entity sets and the OData services.</summary>
internal static class ODataServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="T"/> to the EDM model as entity set <paramref name="name"/>.</summary>
    /// <typeparam name="T">The entity type (its key is its <c>Id</c> property).</typeparam>
    /// <param name="name">The entity set name, e.g. <c>Machines</c>.</param>
    public static IServiceCollection AddODataEntitySet<T>(this IServiceCollection services, string name)
        where T : class
    {
        services.AddSingleton(new ODataEntitySetRegistration(name, builder => builder.EntitySet<T>(name)));
        return services.AddODataQueries();
    }

    /// <summary>Adds the model and the query executor (idempotent).</summary>
    public static IServiceCollection AddODataQueries(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(EmulatorEdmModel)))
        {
            services.AddSingleton<EmulatorEdmModel>();
            services.AddSingleton<ODataPageSizes>();
            services.AddSingleton(sp => new ODataCollectionQuery(
                sp.GetRequiredService<EmulatorEdmModel>(), sp.GetRequiredService<Rows.RowLayouts>(), sp.GetRequiredService<Persistence.DatabaseLocation>(),
                sp.GetRequiredService<ODataPageSizes>()));
            services.AddSingleton<Rows.RowLayouts>();
            services.AddSingleton<Rows.ODataEntityRows>();
        }

        return services;
    }
}
