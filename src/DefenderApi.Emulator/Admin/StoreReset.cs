using System.Reflection;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Throttling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DefenderApi.Emulator.Admin;

/// <summary>
/// Brings tenants back to their start state: deletes the tenant's rows of every tenant-owned entity type, then runs
/// the seeders again with the tenant's seed, under the store's write lease. State kept beside the store (running
/// scenarios) is dropped first (<see cref="IStoreResetObserver"/>).
/// </summary>
internal sealed class StoreReset(
    IServiceScopeFactory scopes, TenantProvisioner provisioner, StoreGate gate, IRateLimitStore rateLimits, IEnumerable<IStoreResetObserver> observers)
{
    private static readonly MethodInfo DeleteRowsMethod =
        typeof(StoreReset).GetMethod(nameof(DeleteRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Resets every tenant and forgets the rate-limit counters.</summary>
    /// <param name="cancellationToken">Cancels the wait for the write lease.</param>
    public async Task ResetAllAsync(CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterWriteAsync(cancellationToken);
        await ResetAsync(tenantId: null);
        await rateLimits.ClearAsync(CancellationToken.None);
    }

    /// <summary>Resets one tenant.</summary>
    /// <param name="cancellationToken">Cancels the wait for the write lease.</param>
    /// <returns><see langword="false"/> when the tenant does not exist.</returns>
    public async Task<bool> ResetTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterWriteAsync(cancellationToken);
        return await ResetAsync(tenantId);
    }

    // Once started, a reset runs to the end: a half reset is exactly what must never be seen.
    private async Task<bool> ResetAsync(Guid? tenantId)
    {
        List<(Guid Id, string Seed)> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
            tenants = [.. (await db.Tenants.Where(t => tenantId == null || t.Id == tenantId).Select(t => new { t.Id, t.Seed }).ToListAsync())
                .Select(t => (t.Id, t.Seed))];
            if (tenants.Count == 0)
            {
                return false;
            }

            foreach (var observer in observers)
            {
                observer.OnStoreReplacing(tenantId);
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var entityType in DependentsFirst(db.Model))
            {
                await (Task)DeleteRowsMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [db, tenantId])!;
            }

            await transaction.CommitAsync();
        }

        foreach (var (id, seed) in tenants)
        {
            await provisioner.ProvisionAsync(id, seed, CancellationToken.None);
        }

        return true;
    }

    private static Task<int> DeleteRowsAsync<TEntity>(EmulatorDbContext db, Guid? tenantId)
        where TEntity : class, ITenantOwned
    {
        var rows = db.Set<TEntity>().IgnoreQueryFilters();
        return (tenantId is { } id ? rows.Where(e => e.TenantId == id) : rows).ExecuteDeleteAsync();
    }

    // Rows that reference others go first, so foreign keys without cascade never block the delete.
    private static List<IEntityType> DependentsFirst(IModel model)
    {
        var remaining = model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null && !t.IsOwned() && !t.HasSharedClrType)
            .ToHashSet();
        var ordered = new List<IEntityType>(remaining.Count);
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(t => !remaining.Any(other => other != t &&
                other.GetForeignKeys().Any(fk => fk.PrincipalEntityType.GetRootType() == t))) ?? remaining.First();
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }
}
