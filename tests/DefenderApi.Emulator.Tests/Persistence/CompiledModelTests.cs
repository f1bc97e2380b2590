using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.CompiledModel;
using DefenderApi.Emulator.Tests.OpenApi;
using DefenderApi.MigrationsTool;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DefenderApi.Emulator.Tests.Persistence;

/// <summary>
/// The emulator runs on an EF Core compiled model generated without the tenant filter, which its Customize hook adds
/// back (Persistence/CompiledModel/TenantFilters.cs). These tests keep both halves honest: the generated code is
/// what EF Core generates from today's OnModelCreating, and every tenant-owned entity type filters by the tenant of
/// the context that runs the query.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void CompiledModel_IsExactlyWhatEfCoreGeneratesFromOnModelCreating()
    {
        var directory = Path.Combine(RepositoryFiles.Root, "src", "DefenderApi.Emulator", "Persistence", "CompiledModel");
        var expected = CompiledModelSource.Generate().ToDictionary(file => file.Path, file => CompiledModelSource.Comparable(file.Code));
        var committed = CompiledModelSource.GeneratedFiles(directory)
            .ToDictionary(path => Path.GetFileName(path), path => CompiledModelSource.Comparable(File.ReadAllText(path)));

        var stale = expected.Keys.Union(committed.Keys)
            .Where(name => !expected.TryGetValue(name, out var code) || !committed.TryGetValue(name, out var file) || code != file)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(stale.Count == 0,
            $"The model changed and the compiled model did not ({string.Join(", ", stale)}): run `{CompiledModelSource.RegenerateCommand}` and commit Persistence/CompiledModel.");
    }

    [Fact]
    public void RuntimeModel_GivesEveryTenantOwnedEntityTypeTheTenantFilter_AndNoOtherTypeAFilter()
    {
        using var db = Context(Guid.NewGuid());
        var tenantOwned = db.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList();

        Assert.Same(EmulatorDbContextModel.Instance, db.Model);
        Assert.NotEmpty(tenantOwned);
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var filters = entityType.GetDeclaredQueryFilters();
            if (EmulatorDbContext.IsTenantFiltered(entityType))
            {
                var filter = Assert.Single(filters);
                Assert.True(filter.IsAnonymous);
                Assert.Equal(EmulatorDbContext.TenantFilter(entityType.ClrType).ToString(), filter.Expression!.ToString());
            }
            else
            {
                Assert.Empty(filters);
            }
        }

        // A tenant-owned type without a filter of its own is reached only through its filtered root or owner.
        Assert.All(tenantOwned, e => Assert.True(
            EmulatorDbContext.IsTenantFiltered(e.GetRootType()) || (e.IsOwned() && EmulatorDbContext.IsTenantFiltered(e.FindOwnership()!.PrincipalEntityType.GetRootType())),
            $"{e.ClrType.Name} is tenant-owned but neither it nor its root or owner is filtered by tenant."));
    }

    [Fact]
    public void RuntimeModel_FiltersTheSameEntityTypesAsTheModelOnModelCreatingBuilds()
    {
        using var compiled = Context(Guid.NewGuid());
        // The design-time model is the one OnModelCreating builds (the runtime model is the compiled one).
        var built = compiled.GetService<IDesignTimeModel>().Model;

        Assert.NotSame(built, compiled.Model);
        Assert.Equal(TenantOwned(built), TenantOwned(compiled.Model));
        Assert.Equal(Filters(built), Filters(compiled.Model));

        static List<string> TenantOwned(IModel model) =>
            [.. model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).Select(e => e.Name).Order(StringComparer.Ordinal)];

        static List<string> Filters(IModel model) =>
        [
            .. model.GetEntityTypes()
                .SelectMany(e => e.GetDeclaredQueryFilters().Select(f => $"{e.Name}: {f.Key} {f.Expression}"))
                .Order(StringComparer.Ordinal),
        ];
    }

    [Fact]
    public void EveryTenantFilteredQuery_BindsTheTenantOfTheContextThatRunsIt()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        using var contextA = Context(a);
        using var contextB = Context(b);
        var filtered = contextA.Model.GetEntityTypes().Where(EmulatorDbContext.IsTenantFiltered).ToList();

        Assert.NotEmpty(filtered);
        foreach (var entityType in filtered)
        {
            // The same query on two contexts: EF Core compiles it once and must bind each context's own tenant.
            var sqlA = Query(contextA, entityType.ClrType);
            var sqlB = Query(contextB, entityType.ClrType);

            Assert.Contains(a.ToString(), sqlA, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(b.ToString(), sqlA, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(b.ToString(), sqlB, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(a.ToString(), sqlB, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("\"TenantId\" =", sqlA, StringComparison.Ordinal);
        }
    }

    private static string Query(EmulatorDbContext db, Type clrType)
    {
        var set = (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(clrType).Invoke(db, null)!;
        return set.ToQueryString();
    }

    private static EmulatorDbContext Context(Guid tenantId)
    {
        var options = new DbContextOptionsBuilder<EmulatorDbContext>();
        options.UseEmulatorStore("Data Source=:memory:");
        return new EmulatorDbContext(options.Options) { Tenant = new() { TenantId = tenantId } };
    }
}
