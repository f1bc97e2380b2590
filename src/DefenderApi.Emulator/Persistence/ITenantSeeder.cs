namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Fills a tenant with a feature's start data. Registered by each feature; run at start, on tenant creation and on
/// reset, inside one transaction per tenant: by <see cref="Stage"/>, and within a stage in registration order.
/// </summary>
internal interface ITenantSeeder
{
    /// <summary>When the seeder runs: entity seeders first, then those that derive data from the stored entities.</summary>
    SeedStage Stage => SeedStage.Entities;

    /// <summary>Seeds one tenant. The DbContext's tenant filter is already set to <paramref name="tenantId"/>.</summary>
    /// <param name="seed"><c>demo</c> or <c>none</c>.</param>
    /// <param name="cancellationToken">Cancels seeding.</param>
    Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken);
}

/// <summary>The order of seeding stages.</summary>
internal enum SeedStage
{
    /// <summary>Seeders of the API's own entities (machines, alerts, users, ...), in registration order.</summary>
    Entities,

    /// <summary>Seeders that read the stored entities of the same tenant (e.g. hunting events about the demo machines).</summary>
    Derived,

    /// <summary>Seeders that recompute fields from everything seeded before them (machines' risk, exposure, last seen and health).</summary>
    Settled,
}
