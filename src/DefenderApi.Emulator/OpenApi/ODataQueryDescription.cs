using DefenderApi.Emulator.OData;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// The OData query options a collection endpoint accepts, as endpoint metadata: the OpenAPI documents describe
/// <c>$filter</c>, <c>$top</c>, <c>$skip</c>, <c>$orderby</c> and <c>$expand</c> from it.
/// </summary>
/// <param name="FilterProperties">The properties <c>$filter</c> may use.</param>
/// <param name="OrderByProperties">The properties <c>$orderby</c> may use.</param>
/// <param name="MaxTop">The largest <c>$top</c> accepted.</param>
/// <param name="Expand">The navigations <c>$expand</c> may name.</param>
internal sealed record ODataQueryDescription(
    IReadOnlyList<string> FilterProperties,
    IReadOnlyList<string> OrderByProperties,
    int MaxTop,
    IReadOnlyList<string> Expand)
{
    /// <summary>Describes what a collection policy accepts.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="policy">The policy the handler applies.</param>
    /// <returns>The description.</returns>
    public static ODataQueryDescription Of<T>(ODataCollectionPolicy<T> policy)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(
            [.. policy.FilterProperties.Order(StringComparer.Ordinal)],
            [.. policy.Sortable.Order(StringComparer.Ordinal)],
            policy.MaxTop,
            [.. policy.Expand.Keys.Order(StringComparer.Ordinal)]);
    }
}

/// <summary>Declares the OData query options and the typed collection answer of an endpoint.</summary>
internal static class ODataQueryEndpointExtensions
{
    /// <summary>
    /// Declares that the endpoint answers an <see cref="ODataCollection{T}"/> of <typeparamref name="TItem"/> and takes
    /// the query options of <paramref name="policy"/>.
    /// </summary>
    /// <typeparam name="TEntity">The entity type the policy filters.</typeparam>
    /// <typeparam name="TItem">The type of the answered items (usually the entity).</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="policy">The policy the handler applies.</param>
    public static RouteHandlerBuilder ListsOData<TEntity, TItem>(this RouteHandlerBuilder builder, ODataCollectionPolicy<TEntity> policy)
        where TEntity : class =>
        builder.WithMetadata(ODataQueryDescription.Of(policy)).Produces<ODataCollection<TItem>>();

    /// <summary>Declares that the endpoint answers an <see cref="ODataCollection{T}"/> and takes the query options of <paramref name="policy"/>.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    /// <param name="policy">The policy the handler applies.</param>
    public static RouteHandlerBuilder ListsOData<T>(this RouteHandlerBuilder builder, ODataCollectionPolicy<T> policy)
        where T : class =>
        builder.ListsOData<T, T>(policy);

    /// <summary>Declares that the endpoint answers an <see cref="ODataCollection{T}"/> without query options.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="builder">The endpoint.</param>
    public static RouteHandlerBuilder Lists<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<ODataCollection<T>>();
}
