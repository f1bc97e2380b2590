using DefenderApi.Client.Models;
using DefenderApi.Client.Query;
using DefenderApi.Testing;

namespace DefenderApi.Samples.Tests;

/// <summary>
/// Alert and incident connectors side by side against a tenant that moves: scenarios run on the virtual clock while
/// both poll (alerts paged at 50, incidents at 20), and the clock moves on in the middle of their walks.
/// </summary>
public sealed class IncidentConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connectors_WhileScenariosRun_SeeEveryIncidentAndEveryAlertOnce_WithTheirFinalState()
    {
        await using var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions
        {
            Seed = "demo",
            VirtualClock = true,
            Settings = { ["Emulator:DemoMachines"] = "150" },
        }, Ct);
        await emulator.Admin.UpdateSettingsAsync(new { pageSizes = new { Alerts = 50, Incidents = 20 } }, Ct);
        var overlap = TimeSpan.FromMinutes(30);
        var alerts = new AlertConnector(emulator.Client, emulator.Now, overlap);
        var incidents = new IncidentConnector(emulator.Client, emulator.Now, overlap);
        var since = emulator.Now - overlap;

        await emulator.Scenarios.StartAsync("false-positive-burst", devices: 12, seed: 4, cancellationToken: Ct);
        await emulator.Scenarios.StartAsync("ransomware", devices: 5, seed: 2, cancellationToken: Ct);
        await emulator.Scenarios.StartAsync("phishing", seed: 6, cancellationToken: Ct);
        await emulator.Scenarios.StartAsync("background", devices: 10, hours: 12, seed: 5, cancellationToken: Ct);
        for (var poll = 0; poll < 40; poll++)
        {
            // Two minutes pass after every 15 rows read: steps run between the connectors' pages.
            await alerts.PollAsync(row => { if (row % 15 == 0) emulator.AdvanceClock(TimeSpan.FromMinutes(2)); }, Ct);
            await incidents.PollAsync(row => { if (row % 15 == 0) emulator.AdvanceClock(TimeSpan.FromMinutes(2)); }, Ct);
            emulator.AdvanceClock(TimeSpan.FromMinutes(20));
        }

        await alerts.PollAsync(cancellationToken: Ct);
        await incidents.PollAsync(cancellationToken: Ct);
        var truthIncidents = new Dictionary<long, Incident>();
        await foreach (var incident in emulator.Client.ListIncidentsAsync(new ODataQuery<IncidentFilter>().Filter(i => i.LastUpdateTime > since), Ct))
        {
            truthIncidents.Add(incident.IncidentId, incident);
        }

        var truthAlerts = new Dictionary<string, Alert>(StringComparer.Ordinal);
        await foreach (var alert in emulator.Client.GetAlertsAsync(new ODataQuery<Alert>().Filter(a => a.LastUpdateTime > since), Ct))
        {
            truthAlerts.Add(alert.Id!, alert);
        }

        Assert.True(truthIncidents.Count > 20, $"{truthIncidents.Count} incidents");
        Assert.Equal(truthIncidents.Keys.Order(), incidents.Incidents.Keys.Order());
        Assert.Equal(incidents.Notifications.Count, incidents.Notifications.Distinct().Count());
        Assert.All(truthIncidents.Values, incident =>
        {
            var seen = incidents.Incidents[incident.IncidentId];
            Assert.Equal(incident.LastUpdateTime, seen.LastUpdateTime);
            Assert.Equal(incident.Status, seen.Status);
            Assert.Equal(incident.Alerts.Select(a => a.AlertId), seen.Alerts.Select(a => a.AlertId));
        });

        // Each alert changed since the start is in exactly one incident seen, in its final state; the alert connector agrees.
        var inIncidents = incidents.Alerts;
        Assert.Equal(truthAlerts.Keys.Order(), alerts.Alerts.Keys.Order());
        Assert.All(truthAlerts.Values, alert =>
        {
            var seen = inIncidents[alert.Id!];
            Assert.Equal(alert.Status, seen.Status);
            Assert.Equal(alert.LastUpdateTime, seen.LastUpdatedTime);
            Assert.Equal(alert.IncidentId, seen.IncidentId);
        });
        Assert.Contains(truthAlerts.Values, a => a.Status == "Resolved");
        Assert.Contains(emulator.Journal.Latest(10_000), e => e.Path.EndsWith("/incidents", StringComparison.Ordinal) && e.Query.Contains("skip", StringComparison.Ordinal));
    }
}
