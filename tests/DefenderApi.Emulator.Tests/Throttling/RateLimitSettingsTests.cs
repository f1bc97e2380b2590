using System.Net;
using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace DefenderApi.Emulator.Tests.Throttling;

public sealed class RateLimitSettingsTests(RateLimitSettingsTests.Factory factory) : IClassFixture<RateLimitSettingsTests.Factory>
{
    public static readonly Guid UnlimitedTenant = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    public static readonly Guid ScaledTenant = Guid.Parse("00000000-0000-0000-0000-0000000000bb");

    public sealed class Factory : ThrottlingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"Emulator:RateLimits:Tenants:{UnlimitedTenant}:Enabled", "false");
            builder.UseSetting($"Emulator:RateLimits:Tenants:{ScaledTenant}:Scale", "0.03");
        }
    }

    [Fact]
    public async Task Scale_MultipliesEveryLimit_AndTheGlobalSwitchTurnsLimitsOff()
    {
        using var admin = await factory.CreateReadyClientAsync();
        using var client = await factory.CreateApiClientWithRolesAsync("Machine.Read.All");
        try
        {
            await PutAsync(admin, """{"rateLimits":{"scale":0.05}}""");
            await RateLimitTests.CallAsync(client, ProbeApi.LimitedPath, times: 5);
            using var refused = await client.GetAsync(ProbeApi.LimitedPath);
            await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.TooManyRequests, "TooManyRequests");

            await PutAsync(admin, """{"rateLimits":{"enabled":false}}""");
            await RateLimitTests.CallAsync(client, ProbeApi.LimitedPath, times: 20);
        }
        finally
        {
            await PutAsync(admin, """{"rateLimits":{"enabled":true,"scale":1.0}}""");
        }
    }

    [Fact]
    public async Task ScaledLimit_NeverFallsBelowOneCall()
    {
        using var client = await TenantClientAsync(ScaledTenant);

        // 2/min × 0.03 rounds down to 0, which is raised to 1.
        await RateLimitTests.CallAsync(client, ProbeApi.TightPath, times: 1);
        using var refused = await client.GetAsync(ProbeApi.TightPath);
        await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.TooManyRequests, "TooManyRequests");
    }

    [Fact]
    public async Task TenantOverride_TurnsLimitsOffForThatTenantOnly()
    {
        using var client = await TenantClientAsync(UnlimitedTenant);

        await RateLimitTests.CallAsync(client, ProbeApi.TightPath, times: 10);
    }

    private async Task<HttpClient> TenantClientAsync(Guid tenantId)
    {
        await factory.CreateTenantAsync(tenantId);
        return await factory.CreateProbeClientAsync(tenantId, $"app-{Guid.NewGuid():N}");
    }

    private static async Task PutAsync(HttpClient admin, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PutAsync("/_emulator/settings", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
