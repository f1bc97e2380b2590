using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace DefenderApi.Emulator.Persistence.CompiledModel;

/// <summary>
/// The compiled model's hand-written part: the tenant filter EF Core's generator cannot write. The generator throws
/// <c>CompiledModelQueryFilter</c> for any entity type with a query filter (<c>CSharpRuntimeModelCodeGenerator</c> in
/// dotnet/efcore 10.0), so the model is generated without it (<see cref="EmulatorDbContext.ForCompiledModel"/>) and
/// the filter is added here, before the model is finalized, exactly where EF Core's own runtime model keeps it: the
/// entity type's <c>QueryFilter</c> annotation holding a <see cref="QueryFilterCollection"/> of
/// <see cref="RuntimeQueryFilter"/> (what <c>RuntimeModelConvention</c> stores for a model built at run time).
/// CompiledModelTests checks every tenant-owned entity type has it, and that the rest equals a fresh generation.
/// </summary>
public partial class EmulatorDbContextModel
{
    partial void Customize()
    {
#pragma warning disable EF1001 // The query filter's runtime form is EF Core's internal API; CompiledModelTests pins it.
        foreach (var entityType in ((IModel)this).GetEntityTypes().Where(EmulatorDbContext.IsTenantFiltered))
        {
            ((RuntimeEntityType)entityType).AddAnnotation(
                CoreAnnotationNames.QueryFilter,
                new QueryFilterCollection([new RuntimeQueryFilter(null, EmulatorDbContext.TenantFilter(entityType.ClrType))]));
        }
#pragma warning restore EF1001
    }
}
