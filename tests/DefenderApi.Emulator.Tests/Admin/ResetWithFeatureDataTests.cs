using System.Net;
using System.Text;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

/// <summary>Reset and snapshots over real feature data (the demo machine fleet and its related rows).</summary>
public sealed class ResetWithFeatureDataTests : IClassFixture<ResetWithFeatureDataTests.DemoFactory>
{
    private readonly DemoFactory _factory;

    public ResetWithFeatureDataTests(DemoFactory factory) => _factory = factory;

    public sealed class DemoFactory : EmulatorFactory
    {
        public DemoFactory()
        {
            Seed = "demo";
            DemoMachines = 20;
        }
    }

    [Fact]
    public async Task Reset_RemovesLoadedData_AndRestoresTheSeededData()
    {
        using var client = await _factory.CreateApiClientAsync();
        await LoadMachineAsync(client, "loaded-before-reset");

        using var reset = await client.PostAsync("/_emulator/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        using var loaded = await client.GetAsync("/api/machines/loaded-before-reset");
        Assert.Equal(HttpStatusCode.NotFound, loaded.StatusCode);
        Assert.Equal(_factory.DemoMachines, await CountAsync(client));
    }

    [Fact]
    public async Task SnapshotRestore_BringsBackExactlyTheSavedMachines()
    {
        using var client = await _factory.CreateApiClientAsync();
        await LoadMachineAsync(client, "in-snapshot");
        using var save = await client.PostAsync("/_emulator/snapshots/with-machines", null);
        await LoadMachineAsync(client, "after-snapshot");

        using var restore = await client.PostAsync("/_emulator/snapshots/with-machines/restore", null);

        Assert.Equal(HttpStatusCode.NoContent, restore.StatusCode);
        using var kept = await client.GetAsync("/api/machines/in-snapshot");
        using var gone = await client.GetAsync("/api/machines/after-snapshot");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task LoadMachineAsync(HttpClient client, string id)
    {
        using var body = new StringContent($$"""[{"id":"{{id}}","computerDnsName":"{{id}}","osPlatform":"Linux"}]""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/data/machines", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<int> CountAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/machines");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("value").GetArrayLength();
    }
}
