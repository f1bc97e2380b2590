using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Alerts.DemoAlerts;

namespace DefenderApi.Emulator.Tests.Incidents;

/// <summary>Each incident method's own quota: 50 a minute for list and update, 100 for get by id.</summary>
public sealed class IncidentRateLimitTests(IncidentRateLimitTests.Factory factory) : IClassFixture<IncidentRateLimitTests.Factory>
{
    /// <summary>A small demo tenant on a fake clock.</summary>
    public sealed class Factory : ProtectedApiFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 20;
        }
    }

    private async Task<(HttpClient Client, long Id)> NewAppAsync(string clientId)
    {
        await factory.RegisterAppAsync(clientId, "secret", ["Incident.ReadWrite.All"]);
        var client = await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync(clientId, "secret"));
        using var first = await client.GetAsync("/api/incidents?$top=1");
        var id = (await ODataJson.ValuesAsync(first))[0].GetProperty("incidentId").GetInt64();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        return (client, id);
    }

    private static async Task CallAsync(Func<Task<HttpResponseMessage>> call, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await call();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task List_The51stCallInAMinute_Returns429_TooManyRequests()
    {
        var (client, _) = await NewAppAsync("list-limit");
        using var _client = client;

        await CallAsync(() => client.GetAsync("/api/incidents?$top=1"), 50);

        await ErrorAssert.IsErrorAsync(await client.GetAsync("/api/incidents?$top=1"), HttpStatusCode.TooManyRequests, "TooManyRequests");
    }

    [Fact]
    public async Task GetById_AllowsAHundredCallsAMinute_AndRefusesThe101st()
    {
        var (client, id) = await NewAppAsync("get-limit");
        using var _client = client;

        await CallAsync(() => client.GetAsync($"/api/incidents/{id}"), 100);

        await ErrorAssert.IsErrorAsync(await client.GetAsync($"/api/incidents/{id}"), HttpStatusCode.TooManyRequests, "TooManyRequests");
    }

    [Fact]
    public async Task Update_The51stCallInAMinute_Returns429_WhileReadsStillPass()
    {
        var (client, id) = await NewAppAsync("update-limit");
        using var _client = client;

        await CallAsync(() => client.PatchAsync($"/api/incidents/{id}", Json("""{"tags":["x"]}""")), 50);

        await ErrorAssert.IsErrorAsync(await client.PatchAsync($"/api/incidents/{id}", Json("""{"tags":["x"]}""")), HttpStatusCode.TooManyRequests, "TooManyRequests");
        using var read = await client.GetAsync($"/api/incidents/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
