using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Turns a tenant feature on or off in the store (what the features admin call does).</summary>
public static class TenantFeatureSwitch
{
    public static async Task SetAsync(EmulatorFactory factory, string feature, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = DefaultTenant.TenantId;
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var tenant = await db.Tenants.AsTracking().FirstAsync(t => t.Id == DefaultTenant.TenantId);
        tenant.Features = new Dictionary<string, bool>(tenant.Features) { [feature] = enabled };
        await db.SaveChangesAsync();
    }
}
