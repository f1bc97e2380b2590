using System.Net;
using System.Net.Http.Json;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Indicators;

public sealed class ConcurrentSubmitTests(EmulatorFactory factory) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public async Task ParallelSubmits_OfDistinctValues_AllSucceed_WithDistinctIds()
    {
        using var client = await factory.CreateApiClientAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.PostAsJsonAsync("/api/indicators", new
        {
            indicatorValue = $"{i:x40}",
            indicatorType = "FileSha1",
            action = "Alert",
            title = "parallel",
            description = "parallel submit",
            severity = "Informational",
            generateAlert = true,
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").ToString()));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task AdminLoadsAndImportsOfOneValue_Racing_NeverAnswer500()
    {
        // Found by the long fuzz run: an import that found no indicator of a value failed its insert because an admin
        // load had stored that value meanwhile (the unique type-and-value index), answered 500.
        using var api = await factory.CreateApiClientAsync();
        using var admin = await factory.CreateReadyClientAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => i % 2 == 0
            ? api.PostAsJsonAsync("/api/indicators/import", new
            {
                Indicators = new[] { new { indicatorValue = "race.example", indicatorType = "DomainName", action = "Block", title = "t", description = "d" } },
            })
            : admin.PostAsync(
                $"/_emulator/tenants/{DefenderApi.Emulator.Tenancy.DefaultTenant.TenantId}/data/indicators",
                new StringContent(
                    $$"""[{"id":"{{9_000 + i}}","indicatorValue":"race.example","indicatorType":"DomainName","action":"Alert","title":"t","description":"d","severity":"Low"}]""",
                    System.Text.Encoding.UTF8,
                    "application/json"))));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{r.RequestMessage!.RequestUri} answered {(int)r.StatusCode}"));
    }
}
