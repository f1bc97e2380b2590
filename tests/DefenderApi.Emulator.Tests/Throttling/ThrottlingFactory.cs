using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Throttling;

/// <summary>The emulator on a fake clock with the probe API (rate-limited, permission-checked test endpoints).</summary>
public class ThrottlingFactory : ProtectedApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ProbeApi>());
    }

    /// <summary>Creates a tenant with a new id through the admin API.</summary>
    public async Task<Guid> NewTenantAsync()
    {
        var tenantId = Guid.NewGuid();
        await CreateTenantAsync(tenantId);
        return tenantId;
    }

    /// <summary>A client for a new app in <paramref name="tenantId"/> with <c>Machine.Read.All</c>.</summary>
    public async Task<HttpClient> CreateProbeClientAsync(Guid tenantId, string clientId)
    {
        await RegisterAppAsync(clientId, "secret", ["Machine.Read.All"], tenantId);
        var client = await CreateReadyClientAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await GetTokenAsync(clientId, "secret", tenantId));
        return client;
    }
}
