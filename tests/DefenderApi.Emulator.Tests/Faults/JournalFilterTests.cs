using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Throttling;

namespace DefenderApi.Emulator.Tests.Faults;

public sealed class JournalFilterTests(ThrottlingFactory factory) : IClassFixture<ThrottlingFactory>
{
    [Fact]
    public async Task Journal_FilteredByInjected_ListsOnlyInjectedAnswers_ByMethodTenantAndApp()
    {
        using var client = await factory.CreateApiClientAsync();
        using (await client.GetAsync(ProbeApi.LimitedPath))
        using (await FaultTestClient.GetWithFaultAsync(client, ProbeApi.LimitedPath, "NotFound"))
        {
        }

        var onlyInjected = await QueryAsync(client, $"injected=true&method=get&tenantId={DefaultTenant.TenantId}&clientId={DefaultTenant.ClientId}&path=_probe");
        var realOnes = await QueryAsync(client, "injected=false&path=_probe/limited&status=200");

        Assert.NotEmpty(onlyInjected);
        Assert.All(onlyInjected, e => Assert.True(e.GetProperty("injected").GetBoolean()));
        Assert.All(onlyInjected, e => Assert.Equal("NotFound", e.GetProperty("error").GetProperty("code").GetString()));
        Assert.NotEmpty(realOnes);
        Assert.All(realOnes, e => Assert.False(e.GetProperty("injected").GetBoolean()));
    }

    private static async Task<JsonElement[]> QueryAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/_emulator/journal?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
