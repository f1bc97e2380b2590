using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Turns a tenant feature on or off in the store, as the feature admin call would.</summary>
public static class FeatureSwitch
{
    /// <summary>Sets <paramref name="feature"/> of the default tenant.</summary>
    public static async Task SetAsync(EmulatorFactory factory, string feature, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var ready = await factory.CreateReadyClientAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var tenant = await db.Tenants.AsTracking().SingleAsync(t => t.Id == DefaultTenant.TenantId);
        tenant.Features = new Dictionary<string, bool>(tenant.Features) { [feature] = enabled };
        await db.SaveChangesAsync();
    }
}
