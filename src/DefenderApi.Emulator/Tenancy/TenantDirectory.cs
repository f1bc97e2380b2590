using System.Collections.Concurrent;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>The set of tenants the emulator knows, kept in memory so token validation needs no query.</summary>
public sealed class TenantDirectory
{
    private readonly ConcurrentDictionary<Guid, byte> _tenants = new();

    /// <summary>Whether a tenant exists.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public bool Contains(Guid tenantId) => _tenants.ContainsKey(tenantId);

    /// <summary>Resolves a tenant path segment of the admin API.</summary>
    /// <param name="tenantId">The segment as given.</param>
    /// <returns>The tenant id.</returns>
    /// <exception cref="DefenderApi.Errors.DefenderErrorException">404 <c>ResourceNotFound</c> when not a known tenant.</exception>
    public Guid Require(string tenantId) => Guid.TryParse(tenantId, out var id) && Contains(id)
        ? id
        : throw new DefenderApi.Errors.DefenderErrorException(DefenderApi.Errors.DefenderErrors.ResourceNotFound("Tenant", tenantId));

    /// <summary>Records a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    public void Add(Guid tenantId) => _tenants.TryAdd(tenantId, 0);

    /// <summary>Every known tenant.</summary>
    public IReadOnlyCollection<Guid> All => [.. _tenants.Keys];
}
