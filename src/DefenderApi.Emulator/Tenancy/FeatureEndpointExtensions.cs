using DefenderApi.Emulator.Persistence;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>Declares that an endpoint needs a tenant feature (403 <c>DisabledFeature</c> when it is off).</summary>
internal static class FeatureEndpointExtensions
{
    /// <summary>Refuses the call with 403 <c>DisabledFeature</c> when <paramref name="feature"/> is off for the caller's tenant.</summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="feature">A <see cref="TenantFeatures"/> name.</param>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, string feature)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            var tenantId = services.GetRequiredService<TenantContext>().TenantId;
            var db = services.GetRequiredService<EmulatorDbContext>();
            var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, context.HttpContext.RequestAborted);
            if (tenant is null || !tenant.IsEnabled(feature))
            {
                throw new DefenderErrorException(DefenderErrors.DisabledFeature(feature));
            }

            return await next(context);
        });
}
