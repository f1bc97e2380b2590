namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Fills a tenant with a feature's start data. Registered by each feature; run at start, on tenant creation and on
/// reset, in registration order, inside one transaction per tenant.
/// </summary>
public interface ITenantSeeder
{
    /// <summary>Seeds one tenant. The DbContext's tenant filter is already set to <paramref name="tenantId"/>.</summary>
    /// <param name="db">The store.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="seed"><c>demo</c> or <c>none</c>.</param>
    /// <param name="cancellationToken">Cancels seeding.</param>
    /// <returns>A task.</returns>
    Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken);
}
