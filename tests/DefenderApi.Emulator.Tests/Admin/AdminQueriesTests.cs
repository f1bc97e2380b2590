using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

/// <summary>The admin reads the dashboard is built on: tenants, clock, rate-limit counters, open machine actions.</summary>
public sealed class AdminQueriesTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public async Task Tenants_ListEveryTenantWithSeedFeaturesAndApps_ButNoSecret()
    {
        using var client = await factory.CreateReadyClientAsync();
        var tenantId = Guid.NewGuid();
        (await client.PostAsJsonAsync("/_emulator/tenants", new { tenantId, seed = "none" })).EnsureSuccessStatusCode();
        await factory.RegisterAppAsync("listed-app", "listed-secret", ["Alert.Read.All"], tenantId);

        var text = await client.GetStringAsync("/_emulator/tenants");

        Assert.DoesNotContain("listed-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DefaultTenant.ClientSecret, text, StringComparison.Ordinal);
        var tenant = JsonDocument.Parse(text).RootElement.EnumerateArray().Single(t => t.GetProperty("tenantId").GetGuid() == tenantId);
        Assert.Equal("none", tenant.GetProperty("seed").GetString());
        Assert.True(tenant.GetProperty("features").GetProperty("advancedHunting").GetBoolean());
        var app = Assert.Single(tenant.GetProperty("apps").EnumerateArray());
        Assert.Equal("listed-app", app.GetProperty("clientId").GetString());
        Assert.Equal(["Alert.Read.All"], app.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Clock_AnswersTheEmulatorsTime_AndWhetherItIsVirtual()
    {
        using var client = await factory.CreateReadyClientAsync();
        var clock = await client.GetFromJsonAsync<JsonElement>("/_emulator/clock");

        Assert.False(clock.GetProperty("virtual").GetBoolean());
        Assert.Equal(JsonValueKind.String, clock.GetProperty("now").ValueKind);
    }

    [Fact]
    public async Task OpenMachineActions_OfAnUnknownTenant_Return404_ResourceNotFound()
    {
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.GetAsync($"/_emulator/tenants/{Guid.NewGuid()}/machineactions");
        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }
}

/// <summary>Rate-limit counters and open machine actions on the fake clock.</summary>
public sealed class AdminQueriesOnTheClockTests(AdminQueriesOnTheClockTests.FakeTimeFactory factory) : IClassFixture<AdminQueriesOnTheClockTests.FakeTimeFactory>
{
    public sealed class FakeTimeFactory : EmulatorFactory
    {
        public FakeTimeFactory() => UseFakeTime = true;
    }

    [Fact]
    public async Task RateLimitCounters_CountCallsPerAppAndApi_AndSayWhenTheOldestLeaves()
    {
        using var api = await factory.CreateApiClientAsync();
        for (var i = 0; i < 3; i++)
        {
            (await api.GetAsync("/api/indicators")).Dispose();
        }

        using var admin = await factory.CreateReadyClientAsync();
        var counters = await admin.GetFromJsonAsync<JsonElement>("/_emulator/ratelimits");
        var counter = counters.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == DefaultTenant.ClientId
            && c.GetProperty("api").GetString()!.Contains("ndicator", StringComparison.Ordinal));

        Assert.Equal(DefaultTenant.TenantId.ToString(), counter.GetProperty("tenantId").GetString());
        Assert.Equal(JsonValueKind.Null, counter.GetProperty("userId").ValueKind);
        var minute = counter.GetProperty("windows")[0];
        Assert.Equal(60, minute.GetProperty("seconds").GetInt32());
        Assert.Equal(3, minute.GetProperty("used").GetInt32());
        Assert.Equal(minute.GetProperty("limit").GetInt32() - 3, minute.GetProperty("remaining").GetInt32());
        Assert.Equal(factory.Clock.GetUtcNow().AddMinutes(1), minute.GetProperty("resetsAt").GetDateTimeOffset());

        factory.Clock.Advance(TimeSpan.FromHours(1));
        var later = await admin.GetFromJsonAsync<JsonElement>("/_emulator/ratelimits");
        Assert.DoesNotContain(later.EnumerateArray(), c => c.GetProperty("api").GetString() == counter.GetProperty("api").GetString()
            && c.GetProperty("clientId").GetString() == DefaultTenant.ClientId);
    }

    [Fact]
    public async Task OpenMachineActions_ListPendingOnes_AndNotCompletedOnes()
    {
        await TestMachines.LoadStandardAsync(factory);
        using (var settings = await factory.CreateReadyClientAsync())
        {
            (await settings.PutAsJsonAsync("/_emulator/settings", new { machineActions = new { mode = "manual" } })).EnsureSuccessStatusCode();
        }

        using var api = await factory.CreateApiClientAsync();
        using var started = await api.PostApiAsync($"/api/machines/{TestMachines.Windows11}/isolate", new { Comment = "list me", IsolationType = "Full" });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var admin = await factory.CreateReadyClientAsync();
        var path = $"/_emulator/tenants/{DefaultTenant.TenantId}/machineactions";

        var open = (await admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("value");
        Assert.Contains(open.EnumerateArray(), a => a.GetProperty("id").GetString() == id && a.GetProperty("status").GetString() == "Pending");

        (await admin.PostAsJsonAsync($"{path}/{id}/complete", new { status = "Succeeded" })).EnsureSuccessStatusCode();
        var after = (await admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("value");
        Assert.DoesNotContain(after.EnumerateArray(), a => a.GetProperty("id").GetString() == id);
    }
}
