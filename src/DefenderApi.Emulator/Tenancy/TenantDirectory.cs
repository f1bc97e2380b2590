using System.Collections.Concurrent;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>The set of tenants the emulator knows, kept in memory so token validation needs no query.</summary>
internal sealed class TenantDirectory
{
    private readonly ConcurrentDictionary<Guid, byte> _tenants = new();

    /// <summary>Whether a tenant exists.</summary>
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
    public void Add(Guid tenantId) => _tenants.TryAdd(tenantId, 0);

    /// <summary>Every known tenant.</summary>
    public IReadOnlyCollection<Guid> All => [.. _tenants.Keys];

    /// <summary>Makes the known set exactly <paramref name="tenantIds"/> (after a snapshot restore).</summary>
    /// <param name="tenantIds">The tenants now in the store.</param>
    public void ReplaceAll(IReadOnlyCollection<Guid> tenantIds)
    {
        ArgumentNullException.ThrowIfNull(tenantIds);
        foreach (var known in _tenants.Keys.Except(tenantIds))
        {
            _tenants.TryRemove(known, out _);
        }

        foreach (var tenantId in tenantIds)
        {
            _tenants.TryAdd(tenantId, 0);
        }
    }
}
