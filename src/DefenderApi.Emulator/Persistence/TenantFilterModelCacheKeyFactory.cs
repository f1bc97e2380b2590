using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Keeps the model without the tenant filter (the compiled model's source, <see cref="EmulatorDbContext.ForCompiledModel"/>)
/// apart from the filtered model in EF Core's model cache, so that one can never be handed out for the other.
/// </summary>
internal sealed class TenantFilterModelCacheKeyFactory : IModelCacheKeyFactory
{
    /// <inheritdoc />
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is EmulatorDbContext { WithoutTenantFilter: true }, designTime);
}
