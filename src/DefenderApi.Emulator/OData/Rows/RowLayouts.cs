using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DefenderApi.Emulator.OData.Rows;

/// <summary>The row layout of each entity type, built on first use (<see langword="null"/>: not supported).</summary>
internal sealed class RowLayouts(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, RowLayout?> _layouts = new();

    /// <summary>The layout of <paramref name="entity"/>, or <see langword="null"/> when its answers must materialize entities.</summary>
    /// <param name="entity">The EF Core entity type.</param>
    /// <returns>The layout.</returns>
    public RowLayout? For(IEntityType entity) =>
        _layouts.GetOrAdd(entity.ClrType, static (_, state) => RowLayoutBuilder.TryBuild(state.entity, ODataJson.Options(state.services)), (entity, services));
}
