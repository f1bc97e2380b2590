using System.Globalization;
using System.Net.Http.Json;
using CsCheck;
using DefenderApi.Emulator.Tests.Infrastructure;
using static DefenderApi.Emulator.Tests.Alerts.DemoAlerts;
using static DefenderApi.Emulator.Tests.Incidents.IncidentJson;

namespace DefenderApi.Emulator.Tests.Incidents;

/// <summary>
/// Random sequences of alert creation (the admin data load), alert updates (single and batch) and incident updates,
/// each on a fresh tenant; after every step the incidents and alerts read through the API must agree.
/// </summary>
public sealed class IncidentConsistencyPropertyTests(IncidentConsistencyPropertyTests.Factory factory)
    : IClassFixture<IncidentConsistencyPropertyTests.Factory>
{
    /// <summary>The emulator on a fake clock, with tenants made per sample.</summary>
    public sealed class Factory : ProtectedApiFactory;

    private static readonly string[] Machines = ["m-alpha", "m-bravo", "m-charlie"];
    private static readonly string?[] Families = [null, "Emotet", "Conti"];
    private static readonly string[] Severities = ["Informational", "Low", "Medium", "High"];
    private static readonly string[] AlertStatuses = ["New", "InProgress", "Resolved"];
    private static readonly string[] IncidentStatuses = ["Active", "InProgress", "Resolved", "Redirected"];

    /// <summary>One step: 0 creates an alert, 1 updates one, 2 batch-updates two, 3 updates an incident.</summary>
    public sealed record Step(int Kind, int A, int B, int C);

    private static readonly Gen<Step[]> Steps =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 11], Gen.Int[0, 11], Gen.Int[0, 47], (kind, a, b, c) => new Step(kind, a, b, c)).Array[4, 12];

    [Fact]
    public async Task RandomAlertAndIncidentChanges_KeepIncidentsConsistentWithTheirAlerts_AfterEveryStep()
    {
        await Steps.SampleAsync(RunAsync, iter: 12, threads: 1);
    }

    private async Task RunAsync(Step[] steps)
    {
        var tenantId = Guid.NewGuid();
        await factory.CreateTenantAsync(tenantId);
        await factory.RegisterAppAsync("soar", "secret", ["Alert.ReadWrite.All", "Incident.ReadWrite.All"], tenantId);
        using var client = await factory.CreateClientWithTokenAsync(await factory.GetTokenAsync("soar", "secret", tenantId));
        using var admin = await factory.CreateReadyClientAsync();
        var created = 0;
        foreach (var step in steps)
        {
            var alerts = await AllAlertsAsync(client);
            var incidents = await AllIncidentsAsync(client);
            switch (step.Kind)
            {
                case 0 or 1 when alerts.Count == 0:
                case 0:
                    await CreateAsync(admin, tenantId, created++, step);
                    break;
                case 1:
                    await SucceedsAsync(await client.PatchAsync($"/api/alerts/{alerts[step.A % alerts.Count].Text("id")}",
                        Json($$"""{"status":"{{AlertStatuses[step.C % 3]}}","assignedTo":"analyst{{step.B}}@contoso.com"}""")));
                    break;
                case 2 when alerts.Count > 0:
                    await SucceedsAsync(await client.PostAsync("/api/alerts/batchUpdate", Json(
                        $$"""{"alertIds":["{{alerts[step.A % alerts.Count].Text("id")}}","{{alerts[step.B % alerts.Count].Text("id")}}"],"status":"{{AlertStatuses[step.C % 3]}}"}""")));
                    break;
                case 3 when incidents.Count > 0:
                    await SucceedsAsync(await client.PatchAsync($"/api/incidents/{incidents[step.A % incidents.Count].GetProperty("incidentId").GetInt64()}",
                        Json($$"""{"status":"{{IncidentStatuses[step.C % 4]}}","comment":"step"}""")));
                    break;
                default:
                    break;
            }

            AssertConsistent(await AllIncidentsAsync(client), await AllAlertsAsync(client));
        }
    }

    // A new alert through the admin data load: device, threat family, severity and creation time from the step.
    private static async Task CreateAsync(HttpClient admin, Guid tenantId, int number, Step step)
    {
        var at = EmulatorFactory.StartTime.AddHours(-48 + step.C).ToString("O", CultureInfo.InvariantCulture);
        var alert = new Dictionary<string, object?>
        {
            ["id"] = $"da{number}_{step.A}",
            ["machineId"] = Machines[step.A % Machines.Length],
            ["threatFamilyName"] = Families[step.B % Families.Length],
            ["severity"] = Severities[step.B % Severities.Length],
            ["status"] = "New",
            ["title"] = $"Detection {step.B % 4}",
            ["category"] = "Execution",
            ["detectionSource"] = step.B % 2 == 0 ? "WindowsDefenderAtp" : "WindowsDefenderAv",
            ["alertCreationTime"] = at,
            ["lastUpdateTime"] = at,
        };
        await SucceedsAsync(await admin.PostAsJsonAsync($"/_emulator/tenants/{tenantId}/data/alerts", new[] { alert }));
    }

    private static async Task SucceedsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
