using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Emulator.Tests.Throttling;

/// <summary>The emulator on a fake clock with the probe API.</summary>
public class ThrottlingFactory : EmulatorFactory
{
    public ThrottlingFactory() => UseFakeTime = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ProbeApi>());
    }

    /// <summary>Creates another tenant directly through the provisioner (tenant creation is another feature's admin call).</summary>
    public async Task<Guid> CreateTenantAsync(Guid? id = null)
    {
        using var client = await CreateReadyClientAsync();
        var tenantId = id ?? Guid.NewGuid();
        await Services.GetRequiredService<TenantProvisioner>().ProvisionAsync(tenantId, "none", CancellationToken.None);
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
