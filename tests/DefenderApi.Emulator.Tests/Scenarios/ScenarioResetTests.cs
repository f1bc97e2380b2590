using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Scenarios;

/// <summary>A reset or a snapshot restore replaces the store: the runs that played on it stop and are forgotten.</summary>
public sealed class ScenarioResetTests(ScenarioResetTests.Factory factory) : IClassFixture<ScenarioResetTests.Factory>
{
    /// <summary>A demo tenant on the fake clock, without rate limits.</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 60;
            UseFakeTime = true;
            Settings["Emulator:RateLimits:Enabled"] = "false";
        }
    }

    private static readonly string Scenarios = $"/_emulator/tenants/{DefaultTenant.TenantId}/scenarios";

    [Fact]
    public async Task TenantReset_StopsAndForgetsItsRunningScenarios_SoNoStepWritesAfterIt()
    {
        using var admin = await factory.CreateReadyClientAsync();
        var run = await StartAsync(admin, "ransomware");
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        (await admin.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/reset", null)).EnsureSuccessStatusCode();
        var alertsAfterReset = await CountAlertsAsync();
        factory.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>(Scenarios, TestContext.Current.CancellationToken) ?? []);
        await ErrorAssert.IsErrorAsync(await admin.GetAsync($"{Scenarios}/{run}"), HttpStatusCode.NotFound, "ResourceNotFound");
        Assert.Equal(alertsAfterReset, await CountAlertsAsync());
    }

    [Fact]
    public async Task SnapshotRestore_StopsAndForgetsEveryRun_AndTheRestoredStoreStaysAsSaved()
    {
        using var admin = await factory.CreateReadyClientAsync();
        (await admin.PostAsync("/_emulator/snapshots/before-scenario", null)).EnsureSuccessStatusCode();
        var saved = await CountAlertsAsync();
        await StartAsync(admin, "false-positive-burst");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await CountAlertsAsync() > saved);

        (await admin.PostAsync("/_emulator/snapshots/before-scenario/restore", null)).EnsureSuccessStatusCode();
        factory.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>(Scenarios, TestContext.Current.CancellationToken) ?? []);
        Assert.Equal(saved, await CountAlertsAsync());
    }

    private static async Task<string> StartAsync(HttpClient admin, string name)
    {
        using var started = await admin.PostAsJsonAsync(Scenarios, new { name, seed = 5 }, TestContext.Current.CancellationToken);
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;
    }

    // A fresh token each time: the clock moves past a token's lifetime between counts.
    private async Task<long> CountAlertsAsync()
    {
        using var api = await factory.CreateApiClientAsync();
        return (await api.GetFromJsonAsync<JsonElement>("/api/alerts?$count=true&$top=1", TestContext.Current.CancellationToken)).GetProperty("@odata.count").GetInt64();
    }
}
