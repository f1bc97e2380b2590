using System.Linq.Expressions;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// The emulator's store. Features add their entities with <see cref="IEntityTypeConfiguration{TEntity}"/> classes in
/// their own folders; tenant-owned entities are filtered by the current tenant automatically. Instances are pooled
/// (building a context's services on every request was a measurable part of each call): the request scope hands
/// each leased instance its <see cref="Tenant"/>.
/// </summary>
internal sealed class EmulatorDbContext(DbContextOptions<EmulatorDbContext> options) : DbContext(options)
{
    /// <summary>
    /// Returns the context to its pool. Under hundreds of racing writes, Microsoft.Data.Sqlite's pool sometimes fails
    /// to deactivate the connection ("unable to delete/modify collation sequence due to active statements", SQLite
    /// error 5) after the answer was written; the context is then dropped instead of pooled, and the request that
    /// used it, already answered, is not failed after the fact.
    /// </summary>
    /// <returns>A task that completes when the context is disposed.</returns>
    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (exception.SqliteErrorCode == 5)
        {
        }
    }

    /// <summary>The scope's tenant (set on every lease); a context without one sees no tenant's rows.</summary>
    public TenantContext Tenant { get; set; } = new();

    /// <summary>
    /// While set, saves leave what follows from alerts to whoever set it: the incidents (<see cref="Incidents.IncidentSync"/>
    /// skips) and the risk of a new alert's device (<see cref="Machines.State.MachineStateAlertHandler"/> skips). A
    /// scenario step saves several times inside its one transaction and derives both once, before it commits; it
    /// clears the flag before the context goes back to its pool.
    /// </summary>
    public bool DeferDerivedState { get; set; }

    /// <summary>The tenant whose rows queries see; <see cref="Guid.Empty"/> sees none.</summary>
    public Guid CurrentTenantId => Tenant.TenantId ?? Guid.Empty;

    /// <summary>Tenants (not filtered: the admin API and the token service look across tenants).</summary>
    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    /// <summary>Registered applications of the current tenant.</summary>
    public DbSet<AppRegistration> Apps => Set<AppRegistration>();

    /// <summary>
    /// Saves; a row another request deleted or changed first (EF's concurrency outcome: an UPDATE or DELETE that
    /// affected no row) is that entity's 404, the answer the losing request would have had a moment later. Every
    /// race on an entity's row ends here, so no handler guards against it.
    /// </summary>
    /// <param name="acceptAllChangesOnSuccess">As EF.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>Rows written.</returns>
    /// <exception cref="DefenderErrorException"><c>ResourceNotFound</c> naming the entity that was gone.</exception>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new DefenderErrorException(ConcurrencyOutcome.NotFound(exception), exception);
        }
    }

    /// <summary>
    /// Whether <see cref="OnModelCreating"/> leaves the tenant filter out: only for the model the compiled model is
    /// generated from (EF Core's generator refuses query filters; the compiled model adds the filter back,
    /// Persistence/CompiledModel/TenantFilters.cs). Such a context must be created by <see cref="ForCompiledModel"/>,
    /// which gives its model a cache entry of its own.
    /// </summary>
    internal bool WithoutTenantFilter { get; private init; }

    /// <summary>
    /// A context whose model is the one the compiled model is generated from: OnModelCreating's model without the
    /// tenant filter, cached apart from the filtered model (<see cref="TenantFilterModelCacheKeyFactory"/>).
    /// </summary>
    /// <param name="connectionString">An SQLite connection string (nothing is opened).</param>
    /// <returns>The context.</returns>
    internal static EmulatorDbContext ForCompiledModel(string connectionString = "Data Source=:memory:") =>
        new(new DbContextOptionsBuilder<EmulatorDbContext>()
            .UseSqlite(connectionString)
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, TenantFilterModelCacheKeyFactory>()
            .Options)
        {
            WithoutTenantFilter = true,
        };

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EmulatorDbContext).Assembly);
        if (WithoutTenantFilter)
        {
            return;
        }

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(IsTenantFiltered).ToList())
        {
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter(entityType.ClrType));
        }
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset; UTC ticks keep OData $filter/$orderby on dates in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>Whether an entity type carries the tenant filter: a tenant-owned root entity type that is not owned.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns><see langword="true"/> when its queries are filtered by the current tenant.</returns>
    internal static bool IsTenantFiltered(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType entityType) =>
        typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null && !entityType.IsOwned();

    /// <summary>
    /// The tenant filter of an entity type: <c>e =&gt; e.TenantId == context.CurrentTenantId</c>. The context is a typed
    /// placeholder: EF Core's query pipeline replaces every expression of the context's type in a query filter with
    /// the context that runs the query (<c>ContextParameterReplacer</c> in dotnet/efcore's
    /// <c>ExpressionTreeFuncletizer</c>), so the filter reads the tenant of the context each query runs on. One
    /// definition for the model OnModelCreating builds and the compiled model (CompiledModel/TenantFilters.cs).
    /// </summary>
    /// <param name="clrType">A tenant-owned entity type.</param>
    /// <returns>The filter.</returns>
    internal static LambdaExpression TenantFilter(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var context = Expression.Constant(null, typeof(EmulatorDbContext));
        return Expression.Lambda(
            Expression.Equal(
                Expression.Property(entity, clrType.GetProperty(nameof(ITenantOwned.TenantId))!),
                Expression.Property(context, nameof(CurrentTenantId))),
            entity);
    }
}
