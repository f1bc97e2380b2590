using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Admin;

/// <summary>Resolves the <c>{tenantId}</c> of an admin call and scopes the request's store to it.</summary>
internal static class AdminTenant
{
    /// <summary>Parses and checks the tenant, then sets it as the request's tenant.</summary>
    /// <param name="tenantId">The path value.</param>
    /// <param name="tenants">The known tenants.</param>
    /// <param name="context">The request's tenant context.</param>
    /// <returns>The tenant id.</returns>
    /// <exception cref="DefenderErrorException">Unknown tenant (404 ResourceNotFound).</exception>
    public static Guid Enter(string tenantId, TenantDirectory tenants, TenantContext context)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(tenantId, out var id) || !tenants.Contains(id))
        {
            throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Tenant", tenantId));
        }

        context.TenantId = id;
        return id;
    }
}
