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

    [Theory]
    [InlineData("status=abc", "Invalid input 'abc' for status; expected an HTTP status code from 100 to 599.")]
    [InlineData("injected=maybe", "Invalid input 'maybe' for injected; expected true or false.")]
    [InlineData("limit=0", "Invalid input '0' for limit; expected an integer from 1 to 10000.")]
    public async Task Journal_WithABadFilterValue_Returns400_InvalidInput_NamingIt(string query, string message)
    {
        using var client = await factory.CreateReadyClientAsync();

        using var response = await client.GetAsync($"/_emulator/journal?{query}");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    private static async Task<JsonElement[]> QueryAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/_emulator/journal?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
