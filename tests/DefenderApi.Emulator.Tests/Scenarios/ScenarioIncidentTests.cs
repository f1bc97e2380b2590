using System.Net.Http.Json;
using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Incidents.IncidentJson;

namespace DefenderApi.Emulator.Tests.Scenarios;

/// <summary>
/// A scenario step saves several times inside its transaction and derives incidents and device risk once, as it ends:
/// what a reader sees after each step must be what deriving on every save gave.
/// </summary>
public sealed class ScenarioIncidentTests(ScenarioIncidentTests.Factory factory) : IClassFixture<ScenarioIncidentTests.Factory>
{
    /// <summary>A demo tenant on the fake clock, without rate limits.</summary>
    public sealed class Factory : EmulatorFactory
    {
        public Factory()
        {
            Seed = "demo";
            DemoMachines = 120;
            UseFakeTime = true;
            Settings["Emulator:RateLimits:Enabled"] = "false";
        }
    }

    private static readonly string Scenarios = $"/_emulator/tenants/{DefaultTenant.TenantId}/scenarios";

    [Fact]
    public async Task EveryScenarioAlert_IsInAnIncidentThatListsIt_AndIncidentsFollowTheirAlerts_AfterEveryAdvance()
    {
        using var admin = await factory.CreateReadyClientAsync();
        var runs = new List<string>();
        foreach (var body in new object[]
        {
            new { name = "ransomware", devices = 3, seed = 5 },
            new { name = "false-positive-burst", devices = 4, seed = 6 },
            new { name = "commodity-malware", seed = 7 },
            new { name = "phishing", seed = 8 },
        })
        {
            using var started = await admin.PostAsJsonAsync(Scenarios, body);
            runs.Add((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var raised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var minutes in new[] { 1, 1, 5, 10, 15, 30, 60 })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(minutes));
            using var client = await factory.CreateApiClientAsync(); // a token of the advanced clock
            var alerts = await AllAlertsAsync(client);
            AssertConsistent(await AllIncidentsAsync(client), alerts);
            foreach (var run in runs)
            {
                raised.UnionWith((await admin.GetFromJsonAsync<JsonElement>($"{Scenarios}/{run}")).GetProperty("timeline").EnumerateArray()
                    .Where(e => e.GetProperty("kind").GetString() == "Alert").Select(e => e.GetProperty("alertId").GetString()!));
            }

            var byId = alerts.ToDictionary(a => a.Text("id")!, StringComparer.Ordinal);
            Assert.All(raised, id => Assert.True(byId[id].GetProperty("incidentId").GetInt64() > 0, id));
        }

        // Ransomware (4 alerts), the burst (16), commodity malware (1) and phishing (3) all played within the two hours.
        Assert.Equal(24, raised.Count);
    }

    [Fact]
    public async Task AlertsOfOneDeviceWithinTheWindow_ShareAnIncident_AsWhenCreatedThroughTheApi()
    {
        using var admin = await factory.CreateReadyClientAsync();

        using var started = await admin.PostAsJsonAsync(Scenarios, new { name = "false-positive-burst", devices = 2, seed = 21 });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var run = await admin.GetFromJsonAsync<JsonElement>($"{Scenarios}/{id}");
        using var client = await factory.CreateApiClientAsync();
        var alertIds = run.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Alert")
            .Select(e => e.GetProperty("alertId").GetString()!).ToHashSet(StringComparer.Ordinal);
        var alerts = (await AllAlertsAsync(client)).Where(a => alertIds.Contains(a.Text("id")!)).ToList();

        Assert.Equal(8, alerts.Count);
        Assert.All(alerts.GroupBy(a => a.Text("machineId")), device => Assert.Single(device.Select(a => a.GetProperty("incidentId").GetInt64()).Distinct()));
    }
}
