using System.Text;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Machines;

/// <summary><see href="https://learn.microsoft.com/defender-endpoint/api/get-machine-by-id">Get machine by ID API</see> accepts a device id or a computer DNS name; an id match wins over a name match.</summary>
public sealed class MachineLookupTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    private const string First = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    private const string Second = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";

    [Fact]
    public async Task GetMachine_ByAnIdThatIsAlsoAnotherMachinesName_ReturnsTheMachineWithThatId()
    {
        using var client = await LoadedClientAsync();
        using var response = await client.GetAsync($"/api/machines/{First}", TestContext.Current.CancellationToken);

        Assert.Equal(First, (await ODataJson.OkAsync(response)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetMachine_ByName_ReturnsTheMachineOfThatName()
    {
        using var client = await LoadedClientAsync();
        using var response = await client.GetAsync("/api/machines/WS-FIRST.contoso.com", TestContext.Current.CancellationToken);

        Assert.Equal(First, (await ODataJson.OkAsync(response)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task TagMachine_ByAnIdThatIsAlsoAnotherMachinesName_TagsTheMachineWithThatId()
    {
        using var client = await LoadedClientAsync();
        using var response = await client.PostApiAsync($"/api/machines/{First}/tags", new { Value = "lookup", Action = "Add" });

        var machine = await ODataJson.OkAsync(response);
        Assert.Equal(First, machine.GetProperty("id").GetString());
        Assert.Contains("lookup", machine.GetProperty("machineTags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task TagMachine_ByName_TagsTheMachineOfThatName()
    {
        using var client = await LoadedClientAsync();
        using var response = await client.PostApiAsync("/api/machines/ws-first.contoso.com/tags", new { Value = "by-name", Action = "Add" });

        Assert.Equal(First, (await ODataJson.OkAsync(response)).GetProperty("id").GetString());
    }

    private async Task<HttpClient> LoadedClientAsync()
    {
        var client = await factory.CreateApiClientAsync();
        // Upserted by id, so every test may load them.
        using var load = await client.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/data/machines", new StringContent($$"""
            [{"id":"{{First}}","computerDnsName":"ws-first.contoso.com","osPlatform":"Windows11","lastSeen":"2026-11-01T00:00:00Z"},
             {"id":"{{Second}}","computerDnsName":"{{First}}","osPlatform":"Windows11","lastSeen":"2026-11-01T00:00:00Z"}]
            """, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        load.EnsureSuccessStatusCode();
        return client;
    }
}
