using System.Net;
using System.Text.Json;
using DefenderApi.Emulator.Tests.Infrastructure;
using DefenderApi.Emulator.Tests.Machines;
using static DefenderApi.Emulator.Tests.Alerts.DemoAlerts;

namespace DefenderApi.Emulator.Tests.Investigations;

public sealed class ParallelInvestigationTests(DemoTenantFactory factory) : IClassFixture<DemoTenantFactory>
{
    [Fact]
    public async Task ParallelStarts_AllReturn201_WithDistinctIds()
    {
        using var client = await factory.CreateApiClientAsync();
        var machines = await ODataJson.ValuesAsync(await client.GetAsync("/api/machines?$top=12&$filter=osPlatform eq 'Windows11'"));

        var responses = await Task.WhenAll(machines.Select(m => client.PostAsync(
            $"/api/machines/{m.GetProperty("id").GetString()}/startInvestigation", Json("""{"Comment":"parallel"}"""))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()));
        Assert.Equal(machines.Count, ids.Distinct().Count());
        Assert.True(machines.Count > 1);
    }
}
