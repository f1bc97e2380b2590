using System.Text.Json;
using DefenderApi.Emulator.Persistence;

namespace DefenderApi.Emulator.Admin.Data;

/// <summary>
/// Loads one collection of <c>POST /_emulator/tenants/{tenantId}/data/{collection}</c> (see docs/admin.md). Register an
/// implementation with <see cref="DataLoaderServiceCollectionExtensions.AddDataCollectionLoader{TLoader}"/>.
/// </summary>
internal interface IDataCollectionLoader
{
    /// <summary>The collection name (matched case-insensitively), e.g. <c>machines</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The <see cref="TenantWriteLocks"/> scope the API's own writers of this collection hold, or <see langword="null"/>:
    /// a load then waits for them, so an API write never meets a row the load inserted behind its back (an import that
    /// found no indicator of a value failed its insert on the unique value, answered 500, in the long fuzz run).
    /// </summary>
    string? WriteScope => null;

    /// <summary>
    /// The property of an item that names the device it is about (<c>machineId</c>, <c>DeviceId</c>) and the derived
    /// fields of a device such items decide, or <see langword="null"/>: after a load, those fields of those devices are
    /// recomputed, so loaded alerts, TVM items and events join the machine's state.
    /// </summary>
    DeviceLink? Devices => null;

    /// <summary>
    /// Upserts the items by id within the tenant (the DbContext is already scoped to it). Throw
    /// <see cref="DataItemException"/> for a bad item; nothing is saved then.
    /// </summary>
    /// <param name="db">The store (tracking; the caller saves and commits).</param>
    /// <param name="items">The items, in the API's own shape.</param>
    Task UpsertAsync(EmulatorDbContext db, Guid tenantId, IReadOnlyList<JsonElement> items, CancellationToken cancellationToken);
}

/// <summary>How the items of a collection are tied to devices.</summary>
/// <param name="Property">The JSON property naming the device, e.g. <c>machineId</c>.</param>
/// <param name="Facets">The derived fields of the device the items decide.</param>
internal sealed record DeviceLink(string Property, Machines.State.MachineFacets Facets);

/// <summary>A loaded item that cannot be stored; answered as 400 naming the item index and the problem.</summary>
/// <param name="index">The item's index in the array.</param>
/// <param name="problem">What is wrong with it.</param>
internal sealed class DataItemException(int index, string problem) : Exception($"item {index}: {problem}")
{
    /// <summary>The item's index in the array.</summary>
    public int Index { get; } = index;

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = problem;
}

/// <summary>Registers data loaders.</summary>
internal static class DataLoaderServiceCollectionExtensions
{
    /// <summary>Registers a collection loader for the admin data endpoint.</summary>
    /// <typeparam name="TLoader">The loader.</typeparam>
    public static IServiceCollection AddDataCollectionLoader<TLoader>(this IServiceCollection services)
        where TLoader : class, IDataCollectionLoader
    {
        services.AddSingleton<IDataCollectionLoader, TLoader>();
        return services;
    }
}

/// <summary>Reacts to a successful admin data load, inside its transaction (e.g. mirrors loaded alerts into the hunting tables).</summary>
internal interface IDataLoadObserver
{
    /// <summary>Called after the items are stored, before the load commits.</summary>
    /// <param name="collection">The collection's name, as the loader spells it.</param>
    /// <param name="items">The items loaded.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    Task LoadedAsync(string collection, IReadOnlyList<JsonElement> items, CancellationToken cancellationToken);
}
